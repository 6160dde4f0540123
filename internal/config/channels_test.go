package config

import (
	"strings"
	"testing"
	"time"
)

func TestChannelsDefaults(t *testing.T) {
	c, ds := Parse(nil, Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	r := c.Radio
	if r.Rate != 200 || r.MinMinutes != 3 || r.MaxMinutes != 5 || !r.Compose || r.QA != 6 || r.Station == "" {
		t.Errorf("radio defaults: %+v", r)
	}
	if rate := r.SpokenRate(); rate.Sentence != 600*time.Millisecond || rate.Paragraph != 1500*time.Millisecond {
		t.Errorf("pauses %v", rate)
	}
	if !c.Slides.Compose || c.Slides.QA != 4 || c.Booklet.Title == "" || !c.Booklet.Internal || c.Outline.Status != "draft" || c.Outline.Official() {
		t.Errorf("defaults: %+v %+v %+v", c.Slides, c.Booklet, c.Outline)
	}
	if c.Kinds[KindRadio] != "phat-thanh" || c.Kinds[KindSlides] != "trinh-chieu" {
		t.Errorf("kinds %v", c.Kinds)
	}
	if got := r.Fill("Đây là {station}: {title}.", "Tin"); got != "Đây là "+r.Station+": Tin." {
		t.Errorf("Fill = %q", got)
	}
}

func TestChannelsParse(t *testing.T) {
	src := `[radio]
station = "Đài xã Tân Hưng"
rate = 180
compose = false
thousand = "ngàn"

[radio.abbrev]
HTX = "hợp tác xã"

[slides]
minutes = 20

[booklet]
quantity = 2000
internal = false

[outline]
status = "official"
recipients = ["Như trên,", "Lưu VT."]
`
	c, ds := Parse([]byte(src), Overrides{Preview: true})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if c.Radio.Station != "Đài xã Tân Hưng" || c.Radio.Rate != 180 || c.Radio.Compose || c.Radio.MaxMinutes != 5 {
		t.Errorf("radio: %+v", c.Radio)
	}
	o := c.Radio.SpokenOptions()
	if o.Thousand != "ngàn" || o.Abbrev["HTX"] != "hợp tác xã" || o.Abbrev["UBND"] == "" {
		t.Errorf("spoken options: %+v", o)
	}
	if o.DocTypes != nil {
		t.Error("an empty table should leave spoken's default")
	}
	if c.Slides.Minutes != 20 || !c.Slides.Compose || c.Booklet.Quantity != 2000 || c.Booklet.Internal || !c.Outline.Official() || len(c.Outline.Recipients) != 2 {
		t.Errorf("slides %+v booklet %+v outline %+v", c.Slides, c.Booklet, c.Outline)
	}
}

// TestChannelsValidate checks that each wrong value is reported at its own
// line and column of config.toml.
func TestChannelsValidate(t *testing.T) {
	src := `[radio]
rate = 20
thousand = "nghin"
max_minutes = 1
min_minutes = 3

[radio.abbrev]
"" = "trống"

[outline]
status = "duyet"

[radio.nonsense]
x = 1
`
	_, ds := Parse([]byte(src), Overrides{Preview: true})
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"config.toml:2:1: radio.rate must be between 60 and 400",
		"config.toml:3:1: radio.thousand: spoken options: thousand must be one of",
		"config.toml:8:1: radio.abbrev: spoken options: abbreviation table: empty key",
		"config.toml:4:1: radio.min_minutes must be positive and radio.max_minutes at least as long",
		"config.toml:11:1: outline.status must be",
		`unknown key "radio.nonsense`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in\n%s", want, all)
		}
	}
}
