#!/bin/sh
# Lighthouse 12 (mobile) on the reader's site: the home page, a list, an
# item and the not-found page of the campaign site, built by loa build and
# served by nginx with the server block of loa nginx (precompressed files,
# cache and security headers), as in production, on 127.0.0.1.
#
#   sh cmd/loa/testdata/lighthouse.sh [PORT]
#
# Needs Go, nginx (apt-get install nginx libnginx-mod-http-brotli-static),
# Chromium (apt-get install chromium) and npx (Node.js), which fetches
# lighthouse@12 from npm on the first run. Not run by CI: it takes minutes
# and its performance score depends on the machine's load. Prints one line
# per page with the four scores, and leaves the reports in $OUT (default: a
# new folder under /tmp).
set -eu
cd "$(dirname "$0")/../../.."
PORT=${1:-18931}
OUT=${OUT:-$(mktemp -d /tmp/loa-lighthouse.XXXXXX)}
mkdir -p "$OUT"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}

go build -o "$OUT/loa" ./cmd/loa
"$OUT/loa" build -d "$OUT/public" --base-url "http://127.0.0.1:$PORT/" >/dev/null 2>&1
chmod -R a+rX "$OUT"
"$OUT/loa" nginx -d "$OUT/public" --base-url "http://127.0.0.1:$PORT/" --listen "127.0.0.1:$PORT" > "$OUT/server.conf" 2>/dev/null
LOAD=""
for m in /usr/lib/nginx/modules/ngx_http_brotli_static_module.so; do
  [ -f "$m" ] && LOAD="load_module $m;"
done
cat > "$OUT/nginx.conf" <<EOF
$LOAD
daemon off;
pid $OUT/nginx.pid;
error_log $OUT/error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path $OUT/body; proxy_temp_path $OUT/proxy; fastcgi_temp_path $OUT/fcgi;
  uwsgi_temp_path $OUT/uwsgi; scgi_temp_path $OUT/scgi;
  include $OUT/server.conf;
}
EOF
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
"$NGINX" -p "$OUT" -c "$OUT/nginx.conf" &
NGINX_PID=$!
trap 'kill $NGINX_PID 2>/dev/null || true' EXIT INT TERM
sleep 1

BASE="http://127.0.0.1:$PORT"
# Lighthouse refuses a page whose status is 404, so the not-found page is
# audited as the file /404.html (the very bytes nginx sends with status 404
# for any missing address). Its SEO score can not be 100: it asks not to
# be indexed (noindex), which is what a not-found page must do.
for page in home:/ list:/hoi-dap/ item:/muc-tieu/kinh-te-so-va-chuyen-doi-so/ 404:/404.html; do
  name=${page%%:*}
  url=$BASE${page#*:}
  npx -y lighthouse@12 "$url" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="$OUT/$name.json"
  node -e '
    const r = require(process.argv[1]);
    const s = Object.values(r.categories).map(c => c.id + " " + Math.round(c.score * 100)).join(", ");
    const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual").map(a => a.id);
    const bytes = r.audits["total-byte-weight"].numericValue;
    console.log(process.argv[2].padEnd(5), s, "| transferred", Math.round(bytes / 1024), "KB", failed.length ? "| below 1: " + failed.join(" ") : "");
  ' "$OUT/$name.json" "$name"
done
echo "reports: $OUT/*.json"
