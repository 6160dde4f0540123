"""Report, as JSON, what a press file holds that PDF/X-1a cares about.

Run by the pdfx tests with Debian's python3 and its pikepdf (qpdf), so
that the checks do not go through the Go code they check.
"""
import hashlib
import json
import sys

import pikepdf


def num(v):
    return float(v)


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    out = {"version": pdf.pdf_version}
    intents = []
    for oi in root.get("/OutputIntents", []):
        intents.append({k[1:]: str(oi[k]) for k in oi.keys() if k != "/DestOutputProfile"}
                       | {"HasProfile": "/DestOutputProfile" in oi})
    out["output_intents"] = intents
    info = pdf.trailer.get("/Info", {})
    out["info"] = {k[1:]: str(info[k]) for k in info.keys()}
    meta = pdf.open_metadata()
    out["xmp"] = {k: str(meta.get(k, "")) for k in (
        "pdfx:GTS_PDFXVersion", "pdfxid:GTS_PDFXVersion", "pdfx:GTS_PDFXConformance",
        "dc:title", "xmp:CreateDate", "xmp:ModifyDate", "pdf:Trapped", "pdf:Producer")}
    # pikepdf's metadata keys use the namespace prefix it knows; read the
    # PDF/X ones by their namespace URI too.
    for key, uri in (("pdfx:GTS_PDFXVersion", "{http://ns.adobe.com/pdfx/1.3/}GTS_PDFXVersion"),
                     ("pdfxid:GTS_PDFXVersion", "{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion")):
        if not out["xmp"][key]:
            out["xmp"][key] = str(meta.get(uri, ""))
    out["lang"] = str(root.get("/Lang", ""))
    out["struct_tree"] = "/StructTreeRoot" in root
    out["mark_info"] = bool(root.get("/MarkInfo", {}).get("/Marked", False))
    out["trailer_id"] = "/ID" in pdf.trailer

    transparency = []
    fonts = []
    ops = set()
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        t = obj.get("/Type")
        if "/ca" in obj and num(obj["/ca"]) < 1:
            transparency.append("ca %s" % obj["/ca"])
        if "/CA" in obj and num(obj["/CA"]) < 1:
            transparency.append("CA %s" % obj["/CA"])
        if "/SMask" in obj and obj["/SMask"] != pikepdf.Name("/None"):
            transparency.append("SMask")
        if "/BM" in obj and obj["/BM"] not in (pikepdf.Name("/Normal"), pikepdf.Name("/Compatible")):
            transparency.append("BM %s" % obj["/BM"])
        g = obj.get("/Group")
        if isinstance(g, pikepdf.Dictionary) and g.get("/S") == pikepdf.Name("/Transparency"):
            transparency.append("Group on %s" % (t or obj.get("/Subtype")))
        if t == pikepdf.Name("/Font"):
            sub = str(obj.get("/Subtype"))
            fd = obj.get("/FontDescriptor")
            if sub == "/Type0":
                fd = obj["/DescendantFonts"][0].get("/FontDescriptor")
            name = str(fd["/FontName"]) if fd is not None else str(obj.get("/BaseFont"))
            prog = b""
            if fd is not None:
                for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if k in fd:
                        prog = fd[k].read_bytes()
            fonts.append({"name": name, "subtype": sub, "hash": hashlib.sha256(prog).hexdigest()})
    # Colour operators of every content stream: pages and forms.
    streams = []
    for page in pdf.pages:
        streams.append(page)
        for _, xo in page.Resources.get("/XObject", {}).items():
            if xo.get("/Subtype") == pikepdf.Name("/Form"):
                streams.append(xo)
    for s in streams:
        for operands, op in pikepdf.parse_content_stream(s):
            o = str(op)
            if o in ("rg", "RG", "g", "G", "k", "K", "sc", "SC", "scn", "SCN", "cs", "CS"):
                ops.add(" ".join([o] + [str(x) for x in operands]))
    out["transparency"] = transparency
    out["fonts"] = fonts
    out["color_ops"] = sorted(ops)
    out["pages"] = [{
        "trim_box": [num(x) for x in p.obj["/TrimBox"]] if "/TrimBox" in p.obj else [],
        "bleed_box": [num(x) for x in p.obj["/BleedBox"]] if "/BleedBox" in p.obj else [],
        "media_box": [num(x) for x in p.obj["/MediaBox"]],
    } for p in pdf.pages]
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
