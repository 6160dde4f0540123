// Package posts writes the posts of an item ready to paste on Facebook
// and Zalo: a lead that says what the item is, its summary, a goal's key
// figures, the link to its page (tagged per network when config asks) and
// the campaign's hashtags, within each network's lengths, and never
// cutting a word: where a text must be shortened it ends between two
// words, where package vnbreak allows a line to break, with "…".
//
// Lengths count characters (Unicode code points, text in NFC), as the
// networks' own counters do for Vietnamese.
package posts

import (
	"strings"
	"unicode/utf8"

	"loa/internal/config"
	"loa/internal/vnbreak"
	"loa/internal/vntext"
)

// The lengths of a Facebook post: what a phone shows before "Xem thêm"
// (See more), and what a computer shows.
const (
	FacebookLead = 125
	FacebookMax  = 477
)

// ZaloMax is the length of a Zalo post: shorter, as it is read in a chat.
// Zalo publishes no norm; 300 characters is about five lines of a phone.
const ZaloMax = 300

// Item is what the posts of a page are written from.
type Item struct {
	Label   string // the kind in words: "Hỏi – đáp", "Khẩu hiệu"
	Title   string
	Summary string
	Figures []Figure
	Quote   bool   // the title is a wording to quote: a slogan
	Draft   bool   // an unapproved slogan
	URL     string // the page's absolute address, untagged
}

// Figure is a key figure of a goal.
type Figure struct{ Value, Label string }

// Post is one post.
type Post struct {
	Network string `json:"network"`
	Text    string `json:"text"` // the whole post, to paste
	Lead    string `json:"lead"` // its first paragraph
	Link    string `json:"link"` // the address it carries
}

// Len is the length of the post, in characters.
func (p Post) Len() int { return utf8.RuneCountInString(p.Text) }

// draftMark begins the lead of a draft's posts.
const draftMark = "[DỰ THẢO]"

// rules are what a network's posts must keep to.
type rules struct {
	max, lead int
	label     bool   // the lead names the kind
	explain   bool   // a draft's warning follows its mark in the lead
	note      string // a draft's warning
	more      string // before the link
}

func rulesOf(network string) rules {
	if network == config.NetworkFacebook {
		return rules{max: FacebookMax, lead: FacebookLead, label: true, explain: true,
			note: "Lưu ý: DỰ THẢO, chưa được cấp có thẩm quyền phê duyệt.", more: "Xem chi tiết: "}
	}
	// Zalo shows the link's preview under the post, kind and all: the
	// lead is the title, the link stands alone.
	return rules{max: ZaloMax, lead: ZaloMax, note: "DỰ THẢO, chưa được phê duyệt."}
}

// Write returns the post of the item for the network (config.Networks):
// the lead, a draft's warning, the summary and a goal's figures as far as
// they fit, the link, the hashtags. What does not fit goes, in this
// order: the figures and the end of the summary, the hashtags, the end of
// the lead (a slogan's wording is never cut: it moves out of the lead
// instead); the link always stays.
func Write(it Item, network string, share config.Share) Post {
	it.Title = oneLine(it.Title)
	it.Summary = oneLine(it.Summary)
	r := rulesOf(network)
	p := Post{Network: network, Link: share.Link(it.URL, network)}
	tags := strings.Join(share.Tags(), " ")
	var quote []string // a slogan too long for the lead, whole
	if !r.label {
		it.Label = ""
	}
	p.Lead, quote = lead(it, r.lead)
	head := append([]string{p.Lead}, quote...)
	if it.Draft && (r.explain || !strings.HasPrefix(p.Lead, draftMark)) {
		head = append(head, r.note)
	}
	tail := []string{r.more + p.Link}
	if tags != "" {
		tail = append(tail, tags)
	}
	if count(head, nil, tail) > r.max && tags != "" {
		tail = tail[:1]
	}
	if over := count(head, nil, tail) - r.max; over > 0 && quote == nil {
		p.Lead = Cut(p.Lead, utf8.RuneCountInString(p.Lead)-over)
		head[0] = p.Lead
	}
	var body []string
	if s := it.Summary; s != "" && s != it.Title {
		if room := r.max - count(head, []string{""}, tail); room > 0 {
			if s = Cut(s, room); s != "" {
				body = append(body, s)
			}
		}
	}
	for _, f := range it.Figures {
		line := "• " + oneLine(f.Value) + ": " + oneLine(f.Label)
		if count(head, append(body, line), tail) <= r.max {
			body = append(body, line)
		}
	}
	p.Text = join(head, body, tail)
	return p
}

// lead is the first paragraph: the kind and the title ("Hỏi – đáp: ..."),
// the title alone when both are too long, the title cut when it is; a
// draft's begins with its mark. A slogan's wording is quoted and never
// cut: when it is too long for the lead, the lead is the kind and the
// wording follows, whole (so that a slogan of more than ZaloMax less its
// link's length could not keep to ZaloMax; loa's slugs are far shorter).
func lead(it Item, max int) (string, []string) {
	title := it.Title
	if it.Quote {
		title = "“" + title + "”"
	}
	prefix := ""
	if it.Draft {
		prefix = draftMark + " "
	}
	var tries []string
	if it.Label != "" {
		tries = append(tries, prefix+it.Label+": "+title)
	}
	tries = append(tries, prefix+title)
	if it.Quote {
		tries = append(tries, title) // a draft's warning follows
	}
	for _, l := range tries {
		if utf8.RuneCountInString(l) <= max {
			return l, nil
		}
	}
	if it.Quote {
		if it.Label == "" && prefix == "" {
			return title, nil // nothing shorter says what it is
		}
		return strings.TrimSpace(prefix + strings.TrimSpace(it.Label+":")), []string{title}
	}
	return prefix + Cut(it.Title, max-utf8.RuneCountInString(prefix)), nil
}

// join writes the paragraphs: the head, the body, the tail, a blank line
// between the three parts, one line feed within them.
func join(parts ...[]string) string {
	var out []string
	for _, p := range parts {
		if len(p) > 0 {
			out = append(out, strings.Join(p, "\n"))
		}
	}
	return strings.Join(out, "\n\n")
}

// count is the length of join(parts...).
func count(parts ...[]string) int { return utf8.RuneCountInString(join(parts...)) }

// oneLine is s in NFC on one line, its runs of white space one space.
func oneLine(s string) string { return strings.Join(strings.Fields(vntext.NFCString(s)), " ") }

// Cut returns s whole if it has at most n characters, else its longest
// beginning that ends between two words (where vnbreak allows a line to
// break), without the punctuation that ended there, followed by "…", in at
// most n characters; "" when not even the first word fits. A cut after a
// word that leans on the next ("của", "và", "các") or inside a fixed term
// is taken only when no other is at least two thirds as long.
func Cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	t := vnbreak.Analyze(s)
	var fallback string
	for k := len(t.Parts) - 1; k > 0; k-- {
		cost := t.Costs[k-1]
		if cost >= vnbreak.Keep {
			continue // inside a word, a name, a number and its unit
		}
		c := strings.TrimRight(t.Line(0, k), ",;:.–-—") + "…"
		l := utf8.RuneCountInString(c)
		if l > n {
			continue
		}
		if fallback == "" {
			fallback = c
		}
		if 3*l < 2*utf8.RuneCountInString(fallback) {
			break
		}
		if cost < vnbreak.Dangling {
			return c
		}
	}
	return fallback
}
