package pdfx

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// document writes what PDF/X asks of the document as a whole: the output
// intent, the Info dictionary (title, dates, /Trapped, the PDF/X version),
// XMP metadata that says the same, and the file identifier. It removes
// what PDF/X forbids at that level: actions run on opening.
func (c *converter) document() error {
	cat, err := c.ctx.Catalog()
	if err != nil {
		return fmt.Errorf("read the catalog: %w", err)
	}
	old := c.dict(c.ctxInfo())
	title := c.opts.Title
	if title == "" && old != nil {
		title = c.text(old["Title"])
	}
	if strings.TrimSpace(title) == "" {
		return errors.New("the PDF has no title, which PDF/X requires: give Options.Title")
	}
	date := c.opts.Date
	if date.IsZero() && old != nil {
		if t, ok := types.DateTime(c.text(old["CreationDate"]), true); ok {
			date = t
		}
	}
	if date.IsZero() {
		return errors.New("the PDF has no creation date, which PDF/X requires: give Options.Date")
	}
	creator := ""
	if old != nil {
		creator = c.text(old["Creator"])
	}
	producer := c.opts.Producer
	if producer == "" {
		producer = "loa"
	}
	std := c.opts.Standard
	info := types.Dict{
		"Title":           textString(title),
		"Producer":        textString(producer),
		"CreationDate":    types.StringLiteral(types.DateString(date)),
		"ModDate":         types.StringLiteral(types.DateString(date)),
		"Trapped":         types.Name("False"),
		"GTS_PDFXVersion": types.StringLiteral(pdfxVersion(std)),
	}
	if std == X1a2001 {
		info["GTS_PDFXConformance"] = types.StringLiteral("PDF/X-1a:2001")
	}
	if creator != "" {
		info["Creator"] = textString(creator)
	}
	c.ctx.Info = c.newObject(info)

	// The first half of the ID names the file, the second this version
	// of it, as ISO 32000-1 14.4 asks.
	id := sha256.Sum256([]byte("loa pdfx\x00" + c.identity))
	version := sha256.Sum256(append(id[:], c.input[:]...))
	hexID := func(b []byte) types.HexLiteral { return types.HexLiteral(strings.ToUpper(hex.EncodeToString(b[:16]))) }
	c.ctx.ID = types.Array{hexID(id[:]), hexID(version[:])}

	cond := c.opts.Condition
	intent := types.Dict{
		"Type":                      types.Name("OutputIntent"),
		"S":                         types.Name("GTS_PDFX"),
		"OutputConditionIdentifier": textString(cond.Identifier),
	}
	if cond.Condition != "" {
		intent["OutputCondition"] = textString(cond.Condition)
	}
	if cond.Registry != "" {
		intent["RegistryName"] = textString(cond.Registry)
	}
	if cond.Info != "" {
		intent["Info"] = textString(cond.Info)
	}
	if len(cond.Profile) > 0 {
		sd := types.StreamDict{Dict: types.Dict{"N": types.Integer(4)}}
		ref := c.newObject(sd)
		if err := c.setStream(ref.ObjectNumber.Value(), &sd, cond.Profile); err != nil {
			return err
		}
		intent["DestOutputProfile"] = *ref
	}
	cat["OutputIntents"] = types.Array{*c.newObject(intent)}

	lang := c.text(cat["Lang"])
	xmp := xmpPacket(xmpFields{
		title: title, lang: lang, creator: creator, producer: producer, date: date,
		std: std, docID: uuidOf(id[:16]), instanceID: uuidOf(version[:16]),
	})
	md := types.StreamDict{Dict: types.Dict{"Type": types.Name("Metadata"), "Subtype": types.Name("XML")}}
	md.Content, md.Raw = xmp, xmp
	md.Dict["Length"] = types.Integer(len(xmp))
	cat["Metadata"] = *c.newObject(md)
	for _, k := range []string{"OpenAction", "AA", "Version", "AcroForm"} {
		delete(cat, k)
	}
	return nil
}

// ctxInfo is the input's Info dictionary reference, or nil.
func (c *converter) ctxInfo() types.Object {
	if c.ctx.Info == nil {
		return nil
	}
	return *c.ctx.Info
}

// pdfxVersion is the value of GTS_PDFXVersion.
func pdfxVersion(s Standard) string {
	if s == X1a2001 {
		return "PDF/X-1:2001"
	}
	return "PDF/X-1a:2003"
}

// text reads a text string (PDFDocEncoding or UTF-16BE).
func (c *converter) text(o types.Object) string {
	switch v := c.deref(o).(type) {
	case types.StringLiteral, types.HexLiteral:
		b := c.bytes(v)
		if len(b) >= 2 && b[0] == 0xfe && b[1] == 0xff {
			u := make([]uint16, 0, len(b)/2)
			for i := 2; i+1 < len(b); i += 2 {
				u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
			}
			return string(utf16.Decode(u))
		}
		r := make([]rune, len(b))
		for i, x := range b {
			r[i] = rune(x) // PDFDocEncoding is Latin-1 where it matters here
		}
		return string(r)
	}
	return ""
}

// textString encodes a text string: ASCII as a literal, anything else as
// UTF-16BE with its byte-order mark.
func textString(s string) types.Object {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		e := strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(s)
		return types.StringLiteral(e)
	}
	u := utf16.Encode([]rune(s))
	var b strings.Builder
	b.WriteString("FEFF")
	for _, x := range u {
		fmt.Fprintf(&b, "%04X", x)
	}
	return types.HexLiteral(b.String())
}

// uuidOf formats 16 bytes as a UUID URN, for XMP.
func uuidOf(b []byte) string {
	h := hex.EncodeToString(b[:16])
	return "uuid:" + h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
}

// xmpFields are what the XMP packet says.
type xmpFields struct {
	title, lang, creator, producer string
	date                           time.Time
	std                            Standard
	docID, instanceID              string
}

// xmpPacket writes the document's XMP metadata: the same title, dates,
// producer and trapping as the Info dictionary, and the PDF/X version in
// both namespaces readers look in (Adobe's pdfx, and pdfxid of ISO
// 15930-7).
func xmpPacket(f xmpFields) []byte {
	esc := func(s string) string {
		return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
	}
	d := f.date.Format("2006-01-02T15:04:05-07:00")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n")
	b.WriteString(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n")
	b.WriteString(`<rdf:Description rdf:about=""` + "\n")
	b.WriteString(`  xmlns:dc="http://purl.org/dc/elements/1.1/"` + "\n")
	b.WriteString(`  xmlns:xmp="http://ns.adobe.com/xap/1.0/"` + "\n")
	b.WriteString(`  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"` + "\n")
	b.WriteString(`  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"` + "\n")
	b.WriteString(`  xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/"` + "\n")
	b.WriteString(`  xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">` + "\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(f.title))
	if f.lang != "" {
		fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(f.lang))
	}
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n", d, d, d)
	if f.creator != "" {
		fmt.Fprintf(&b, "<xmp:CreatorTool>%s</xmp:CreatorTool>\n", esc(f.creator))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<pdf:Trapped>False</pdf:Trapped>\n", esc(f.producer))
	fmt.Fprintf(&b, "<xmpMM:DocumentID>%s</xmpMM:DocumentID>\n<xmpMM:InstanceID>%s</xmpMM:InstanceID>\n", f.docID, f.instanceID)
	fmt.Fprintf(&b, "<pdfx:GTS_PDFXVersion>%s</pdfx:GTS_PDFXVersion>\n", pdfxVersion(f.std))
	if f.std == X1a2001 {
		b.WriteString("<pdfx:GTS_PDFXConformance>PDF/X-1a:2001</pdfx:GTS_PDFXConformance>\n")
	}
	fmt.Fprintf(&b, "<pdfxid:GTS_PDFXVersion>%s</pdfxid:GTS_PDFXVersion>\n", pdfxVersion(f.std))
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	// Room for an editor to change the packet in place, as XMP advises.
	for range 20 {
		b.WriteString(strings.Repeat(" ", 99) + "\n")
	}
	b.WriteString(`<?xpacket end="w"?>`)
	return []byte(b.String())
}
