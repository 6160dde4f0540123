package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"loa/internal/diag"
	"loa/internal/frontmatter"
)

// Share says how the site's pages travel on social networks: the [share]
// table of config.toml.
//
//	short_title = "NQ 57 – Hưng Yên"   # the suffix of every <title>, the brand of the share cards
//
//	[share]
//	hashtags = ["NghịQuyết57", "ChuyểnĐổiSố"]   # at the end of every ready post ("#" optional)
//	utm_campaign = "nq57"                        # optional: utm_campaign of tagged links
//	[share.utm]                                  # tag the links of the posts of a network
//	facebook = "facebook"                        # its utm_source
//	zalo = "zalo"
//	[share.labels]                               # the words that name a kind on its card
//	goal = "Mục tiêu đến năm 2030"
type Share struct {
	Hashtags []string          `toml:"hashtags"`
	UTM      map[string]string `toml:"utm"`          // network → utm_source; a network not listed gets bare links
	Campaign string            `toml:"utm_campaign"` // utm_campaign of tagged links; "" for none
	Labels   map[string]string `toml:"labels"`       // kind → the words on its card; default: its section's title
}

// The networks the ready posts are written for.
const (
	NetworkFacebook = "facebook"
	NetworkZalo     = "zalo"
)

// Networks lists the networks, in the order the posts are given.
func Networks() []string { return []string{NetworkFacebook, NetworkZalo} }

// ShortTitleMax is the longest short_title: it follows every page title in
// <title>, which search results cut at about 60 characters.
const ShortTitleMax = 30

// LabelKinds are the kinds a label may name: the content kinds (a
// section's list takes the label of its items' kind), the home page and
// the plain pages at the top of the site.
func LabelKinds() []string {
	var out []string
	for k := range DefaultKinds() {
		if k != KindPrint {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return append(out, "home", "page")
}

// Tags returns the hashtags, each with its "#".
func (s Share) Tags() []string {
	out := make([]string, 0, len(s.Hashtags))
	for _, h := range s.Hashtags {
		out = append(out, "#"+strings.TrimPrefix(h, "#"))
	}
	return out
}

// Link returns the address url tagged for network: with utm_source (and
// utm_medium=social, utm_campaign) where [share.utm] names the network,
// else url as it is.
func (s Share) Link(url, network string) string {
	src, ok := s.UTM[network]
	if !ok || src == "" {
		return url
	}
	sep := "?"
	if strings.Contains(url, "?") {
		sep = "&"
	}
	url += sep + "utm_source=" + src + "&utm_medium=social"
	if s.Campaign != "" {
		url += "&utm_campaign=" + s.Campaign
	}
	return url
}

// validTag reports whether h is a hashtag, "#" optional: letters (with
// their marks), digits and underscores, as Facebook and Zalo end a hashtag
// at anything else.
func validTag(h string) bool {
	h = strings.TrimPrefix(h, "#")
	if h == "" || utf8.RuneCountInString(h) > 60 {
		return false
	}
	for _, r := range h {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && r != '_' {
			return false
		}
	}
	return true
}

// tokenRE is what a utm value may hold, unescaped in a URL.
var tokenRE = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// validateShare checks short_title and [share] at their lines.
func (c *Config) validateShare(data []byte) []diag.Diagnostic {
	var ds []diag.Diagnostic
	at := func(key, format string, args ...any) diag.Diagnostic {
		return frontmatter.Errorf(File, data, 1, key, format, args...)
	}
	if n := utf8.RuneCountInString(c.ShortTitle); n > ShortTitleMax {
		ds = append(ds, at("short_title", "short_title has %d characters, more than %d: it follows every page title in search results and link previews", n, ShortTitleMax).
			WithHint(`use the campaign's short name, e.g. short_title = "NQ 57 – Hưng Yên"`))
	}
	for _, h := range c.Share.Hashtags {
		if !validTag(h) {
			ds = append(ds, at("share.hashtags", "hashtag %q may hold only letters, digits and _: networks end a hashtag at a space or a sign", h).
				WithHint(`write the words together, e.g. "ChuyểnĐổiSố"`))
		}
	}
	for _, n := range sortedKeys(c.Share.UTM) {
		v := c.Share.UTM[n]
		if !slices.Contains(Networks(), n) {
			d := at("share.utm."+n, "unknown network %q in [share.utm]", n)
			if s := diag.Suggest(n, Networks()); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			}
			ds = append(ds, d)
			continue
		}
		if !tokenRE.MatchString(v) {
			ds = append(ds, at("share.utm."+n, "share.utm.%s must be letters, digits, '.', '_' or '-', not %q", n, v))
		}
	}
	if c.Share.Campaign != "" && !tokenRE.MatchString(c.Share.Campaign) {
		ds = append(ds, at("share.utm_campaign", "share.utm_campaign must be letters, digits, '.', '_' or '-', not %q", c.Share.Campaign))
	}
	for _, k := range sortedKeys(c.Share.Labels) {
		if !slices.Contains(LabelKinds(), k) {
			d := at("share.labels."+k, "unknown kind %q in [share.labels]", k)
			if s := diag.Suggest(k, LabelKinds()); s != "" {
				d.Hint = fmt.Sprintf("did you mean %q?", s)
			}
			ds = append(ds, d)
		} else if strings.TrimSpace(c.Share.Labels[k]) == "" {
			ds = append(ds, at("share.labels."+k, "share.labels.%s is empty", k))
		}
	}
	return ds
}
