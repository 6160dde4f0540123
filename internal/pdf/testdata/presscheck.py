"""Report, as JSON, what a press file holds that a print shop's preflight
looks at: PDF/X keys and output intent, transparency, fonts, and the
colour every text and every path is painted in.

Run by the pdf tests with Debian's python3 and its pikepdf (qpdf), so that
the checks do not go through the Go code they check.
"""
import hashlib
import json
import sys

import pikepdf

TEXT_OPS = {"Tj", "TJ", "'", '"'}
PAINT_OPS = {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s"}


def fmt(vals):
    return " ".join("%g" % float(v) for v in vals)


class State:
    def __init__(self):
        self.fill = "none"
        self.stroke = "none"
        self.op = False  # overprint of fills

    def copy(self):
        s = State()
        s.fill, s.stroke, s.op = self.fill, self.stroke, self.op
        return s


def walk(stream, resources, state, out, depth=0):
    """Follow the colour state through one content stream and its forms."""
    stack = []
    fill_space = stroke_space = None
    for operands, op in pikepdf.parse_content_stream(stream):
        o = str(op)
        if o == "q":
            stack.append(state.copy())
        elif o == "Q" and stack:
            state = stack.pop()
        elif o == "k":
            state.fill = "cmyk " + fmt(operands)
        elif o == "K":
            state.stroke = "cmyk " + fmt(operands)
        elif o in ("rg", "g"):
            state.fill = "rgb " + fmt(operands)
        elif o in ("RG", "G"):
            state.stroke = "rgb " + fmt(operands)
        elif o == "cs":
            fill_space = str(operands[0])
        elif o == "CS":
            stroke_space = str(operands[0])
        elif o in ("scn", "sc"):
            state.fill = "sep %s %s" % (space_name(resources, fill_space), fmt(operands))
        elif o in ("SCN", "SC"):
            state.stroke = "sep %s %s" % (space_name(resources, stroke_space), fmt(operands))
        elif o == "gs":
            gs = resources.get("/ExtGState", {}).get(str(operands[0]))
            if gs is not None and "/op" in gs:
                state.op = bool(gs["/op"])
        elif o in TEXT_OPS:
            key = state.fill + (" overprint" if state.op else "")
            out["text"][key] = out["text"].get(key, 0) + 1
        elif o in PAINT_OPS:
            if o in ("S", "s"):
                key = state.stroke
            else:
                key = state.fill
            out["paint"][key] = out["paint"].get(key, 0) + 1
        elif o == "Do" and depth < 8:
            xo = resources.get("/XObject", {}).get(str(operands[0]))
            if xo is not None and xo.get("/Subtype") == pikepdf.Name("/Form"):
                walk(xo, xo.get("/Resources", resources), state.copy(), out, depth + 1)
            elif xo is not None:
                out["images"].append(str(xo.get("/ColorSpace")))


def space_name(resources, name):
    cs = resources.get("/ColorSpace", {}).get(name) if name else None
    if isinstance(cs, pikepdf.Array) and len(cs) > 1 and cs[0] == pikepdf.Name("/Separation"):
        return str(cs[1])[1:]
    return str(cs)


def main(path):
    pdf = pikepdf.open(path)
    root = pdf.Root
    out = {"version": pdf.pdf_version}
    out["output_intents"] = [{k[1:]: str(oi[k]) for k in oi.keys() if k != "/DestOutputProfile"}
                             for oi in root.get("/OutputIntents", [])]
    info = pdf.trailer.get("/Info", {})
    out["info"] = {k[1:]: str(info[k]) for k in info.keys()}
    meta = pdf.open_metadata()
    out["xmp_pdfx"] = str(meta.get("{http://www.npes.org/pdfx/ns/id/}GTS_PDFXVersion", ""))
    out["xmp_trapped"] = str(meta.get("pdf:Trapped", ""))
    out["lang"] = str(root.get("/Lang", ""))
    out["struct_tree"] = "/StructTreeRoot" in root
    out["trailer_id"] = "/ID" in pdf.trailer
    transparency, fonts = [], []
    for obj in pdf.objects:
        if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            continue
        for key in ("/ca", "/CA"):
            if key in obj and float(obj[key]) < 1:
                transparency.append("%s %s" % (key[1:], obj[key]))
        if "/SMask" in obj and obj["/SMask"] != pikepdf.Name("/None"):
            transparency.append("SMask")
        if "/BM" in obj and obj["/BM"] not in (pikepdf.Name("/Normal"), pikepdf.Name("/Compatible")):
            transparency.append("BM")
        g = obj.get("/Group")
        if isinstance(g, pikepdf.Dictionary) and g.get("/S") == pikepdf.Name("/Transparency"):
            transparency.append("Group")
        if obj.get("/Type") == pikepdf.Name("/Font") and obj.get("/Subtype") != pikepdf.Name("/CIDFontType2"):
            sub = str(obj.get("/Subtype"))
            fd = obj.get("/FontDescriptor")
            if sub == "/Type0":
                fd = obj["/DescendantFonts"][0].get("/FontDescriptor")
            name = str(fd["/FontName"])[1:] if fd is not None else str(obj.get("/BaseFont", ""))[1:]
            prog = b""
            if fd is not None:
                for k in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if k in fd:
                        prog = fd[k].read_bytes()
            fonts.append({"name": name, "subtype": sub[1:], "embedded": bool(prog),
                          "hash": hashlib.sha256(prog).hexdigest()})
    out["transparency"] = transparency
    out["fonts"] = fonts
    colours = {"text": {}, "paint": {}, "images": []}
    for page in pdf.pages:
        walk(page, page.Resources, State(), colours)
    out["colours"] = colours
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
