package synth

// Hugo writes, beside a site made by Site, what Hugo needs to build the
// same content: hugo.toml and, in hugo-layouts/ (so that loa does not read
// them as its own), minimal layouts equivalent to loa's built-in ones: a
// skeleton with the site navigation, a home page that shows the first
// items of each section in full and lists more, section lists of 100
// items a page, and item pages with their neighbours. Build it with
//
//	hugo --source DIR --config hugo.toml --destination DIR/hugo-public
func Hugo(dir string) error {
	files := map[string]string{
		"hugo.toml": `baseURL = "https://synth.example.vn/"
title = "Trang thử nghiệm"
languageCode = "vi"
layoutDir = "hugo-layouts"
disableKinds = ["taxonomy", "term", "RSS"]
[pagination]
pagerSize = 100
[markup.goldmark.renderer]
unsafe = false
`,
		"hugo-layouts/_default/baseof.html": `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} – {{site.Title}}</title><meta name="description" content="{{.Summary | plainify}}">
<link rel="canonical" href="{{.Permalink}}"><link rel="stylesheet" href="{{"css/site.css" | relURL}}"></head>
<body><header><a href="{{"/" | relURL}}">{{site.Title}}</a><nav><ul>{{range site.Sections}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul></nav></header>
<main>{{block "main" .}}{{end}}</main><footer>{{site.Title}}</footer></body></html>
`,
		"hugo-layouts/index.html": `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}
{{range site.Sections}}<section><h2>{{.Title}}</h2>{{.Content}}
{{range first 24 .Pages}}<article><h3><a href="{{.RelPermalink}}">{{.Title}}</a></h3>{{.Content}}</article>{{end}}
<ul>{{range after 24 (first 84 .Pages)}}<li><a href="{{.RelPermalink}}">{{.Title}}</a></li>{{end}}</ul>
<p><a href="{{.RelPermalink}}">Xem tất cả {{len .Pages}} mục</a></p></section>{{end}}{{end}}
`,
		"hugo-layouts/_default/list.html": `{{define "main"}}<h1>{{.Title}}</h1>{{.Content}}
<ol>{{range .Paginator.Pages}}<li><h2><a href="{{.RelPermalink}}">{{.Title}}</a></h2><p>{{.Summary | plainify}}</p></li>{{end}}</ol>
{{with .Paginator.Prev}}<a href="{{.URL}}">Trang trước</a>{{end}}{{with .Paginator.Next}}<a href="{{.URL}}">Trang sau</a>{{end}}{{end}}
`,
		"hugo-layouts/_default/single.html": `{{define "main"}}<article><h1>{{.Title}}</h1>{{.Content}}
{{with .Params.figures}}<ul>{{range .}}<li>{{.value}} {{.label}}</li>{{end}}</ul>{{end}}
{{with .PrevInSection}}<a href="{{.RelPermalink}}">{{.Title}}</a>{{end}}{{with .NextInSection}}<a href="{{.RelPermalink}}">{{.Title}}</a>{{end}}</article>{{end}}
`,
	}
	for name, text := range files {
		if err := write(dir, name, text); err != nil {
			return err
		}
	}
	return nil
}
