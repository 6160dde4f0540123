package vntext

import "unicode"

// The tables below describe the two legacy 8-bit encodings by byte value.
// A byte that was pasted as Windows-1252 text becomes the rune with the same
// value for every byte from 0xA0 up, so the same tables serve pasted text
// (runes) and raw files (bytes). Neither encoding puts a letter in
// 0x80–0x9F, where Windows-1252 has its curly quotes and dashes.
//
// Sources, cross-checked against each other: for TCVN3, GNU libiconv
// lib/tcvn.h (TCVN 5712, whose lower-case half is the .VnTime layout) and the
// TCVN3 table of github.com/duydev/vietnamese-conversion; for VNI, the VNI
// table of that same package and the ConvertVni2Unicode table of an
// unrelated C# project. All 134 letters agree.

// Vowel qualities: the twelve vowel letters of Vietnamese before a tone.
const (
	qA  = iota // a
	qAw        // ă
	qAa        // â
	qE         // e
	qEe        // ê
	qI         // i
	qO         // o
	qOo        // ô
	qOw        // ơ
	qU         // u
	qUw        // ư
	qY         // y
	numQualities
)

// Tones, in the order of vowelForms.
const (
	toneNone  = iota // ngang
	toneGrave        // huyền
	toneAcute        // sắc
	toneHook         // hỏi
	toneTilde        // ngã
	toneDot          // nặng
	numTones
)

// vowelForms holds the lower-case vowels, by quality and tone.
var vowelForms = [numQualities][numTones]rune{
	qA:  {'a', 'à', 'á', 'ả', 'ã', 'ạ'},
	qAw: {'ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'},
	qAa: {'â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'},
	qE:  {'e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'},
	qEe: {'ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'},
	qI:  {'i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'},
	qO:  {'o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'},
	qOo: {'ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'},
	qOw: {'ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'},
	qU:  {'u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'},
	qUw: {'ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'},
	qY:  {'y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'},
}

// qualityKeys spells each quality in VIQR, the ASCII notation Vietnamese
// mailing lists used, so that vowel groups can be table keys: "u+o+" is ươ.
var qualityKeys = [numQualities]string{
	qA: "a", qAw: "a(", qAa: "a^", qE: "e", qEe: "e^", qI: "i",
	qO: "o", qOo: "o^", qOw: "o+", qU: "u", qUw: "u+", qY: "y",
}

// tcvn3Codes maps a TCVN3 (.VnTime) byte to its letter, or 0. The font has
// codes for the lower-case letters and for Ă Â Ê Ô Ơ Ư Đ only; the
// upper-case .VnTimeH fonts draw the same lower-case codes as capitals.
var tcvn3Codes = [256]rune{
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',

	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// vniLetters maps a VNI byte that stands for a whole letter to that letter,
// or 0. The other toned vowels are a base letter followed by vniMarks.
var vniLetters = [256]rune{
	0xD1: 'Đ', 0xF1: 'đ',
	0xD4: 'Ơ', 0xF4: 'ơ',
	0xD6: 'Ư', 0xF6: 'ư',
	0xCC: 'Ì', 0xCD: 'Í', 0xC6: 'Ỉ', 0xD3: 'Ĩ', 0xD2: 'Ị',
	0xEC: 'ì', 0xED: 'í', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị',
	0xCE: 'Ỵ', 0xEE: 'ỵ',
}

// Vowel modifications a VNI mark can make.
const (
	modNone       = iota
	modCircumflex // a→â, e→ê, o→ô
	modBreve      // a→ă
)

// A vniMark is a VNI byte that puts a tone, a modification, or both on the
// vowel before it. Upper-case vowels take the upper-case marks, 0x20 lower.
type vniMark struct {
	mod, tone uint8
	upper     bool
}

// ok reports whether m is a mark at all.
func (m vniMark) ok() bool { return m.mod != modNone || m.tone != toneNone }

// vniMarks maps a VNI mark byte to what it does.
var vniMarks = [256]vniMark{
	0xF8: {tone: toneGrave}, 0xF9: {tone: toneAcute}, 0xFB: {tone: toneHook},
	0xF5: {tone: toneTilde}, 0xEF: {tone: toneDot},
	0xE2: {mod: modCircumflex}, 0xE0: {modCircumflex, toneGrave, false},
	0xE1: {modCircumflex, toneAcute, false}, 0xE5: {modCircumflex, toneHook, false},
	0xE3: {modCircumflex, toneTilde, false}, 0xE4: {modCircumflex, toneDot, false},
	0xEA: {mod: modBreve}, 0xE8: {modBreve, toneGrave, false},
	0xE9: {modBreve, toneAcute, false}, 0xFA: {modBreve, toneHook, false},
	0xFC: {modBreve, toneTilde, false}, 0xEB: {modBreve, toneDot, false},

	0xD8: {toneNone, toneGrave, true}, 0xD9: {toneNone, toneAcute, true},
	0xDB: {toneNone, toneHook, true}, 0xD5: {toneNone, toneTilde, true},
	0xCF: {toneNone, toneDot, true},
	0xC2: {modCircumflex, toneNone, true}, 0xC0: {modCircumflex, toneGrave, true},
	0xC1: {modCircumflex, toneAcute, true}, 0xC5: {modCircumflex, toneHook, true},
	0xC3: {modCircumflex, toneTilde, true}, 0xC4: {modCircumflex, toneDot, true},
	0xCA: {modBreve, toneNone, true}, 0xC8: {modBreve, toneGrave, true},
	0xC9: {modBreve, toneAcute, true}, 0xDA: {modBreve, toneHook, true},
	0xDC: {modBreve, toneTilde, true}, 0xCB: {modBreve, toneDot, true},
}

// A vowel describes one vowel letter: its quality, tone and case.
type vowel struct {
	q, tone uint8
	upper   bool
	ok      bool // false: not a Vietnamese vowel letter
}

// vowelIndex finds the vowel of a rune: low covers U+0000–U+01B0 (ASCII,
// Latin-1 and ă ĩ ũ ơ ư), ext covers U+1EA0–U+1EF9 (ạ to ỹ).
type vowelIndex struct {
	low [0x1B1]vowel
	ext [0x1EFA - 0x1EA0]vowel
}

// vowelTable is the vowelIndex of vowelForms. It is small and cheap to
// build, and vowelOf runs for every non-ASCII rune that DetectLegacy sees,
// so it is built with the package rather than on first use.
var vowelTable = newVowelIndex()

// newVowelIndex indexes every vowel of vowelForms, small and capital.
func newVowelIndex() *vowelIndex {
	x := new(vowelIndex)
	for q := range numQualities {
		for t := range numTones {
			lo := vowelForms[q][t]
			x.set(lo, vowel{q: uint8(q), tone: uint8(t), ok: true})
			x.set(unicode.ToUpper(lo), vowel{q: uint8(q), tone: uint8(t), upper: true, ok: true})
		}
	}
	return x
}

// set records that r is the vowel v.
func (x *vowelIndex) set(r rune, v vowel) {
	if r < rune(len(x.low)) {
		x.low[r] = v
	} else {
		x.ext[r-0x1EA0] = v
	}
}

// vowelOf describes r, with ok false when r is not a Vietnamese vowel.
func vowelOf(r rune) vowel {
	x := vowelTable
	switch {
	case r < 0:
		return vowel{}
	case r < rune(len(x.low)):
		return x.low[r]
	case 0x1EA0 <= r && r < 0x1EFA:
		return x.ext[r-0x1EA0]
	}
	return vowel{}
}

// vowelRune returns the vowel of quality q and tone t.
func vowelRune(q, t uint8, upper bool) rune {
	r := vowelForms[q][t]
	if upper {
		r = unicode.ToUpper(r)
	}
	return r
}

// Where a final consonant may follow a vowel group.
const (
	finalNot  = iota // "ai", never "ain"
	finalMay         // "a", "an"
	finalMust        // "ân", never "â"
)

// A nucleus describes a vowel group (the vowels of a syllable).
type nucleus struct {
	final   uint8
	palatal bool // may take the finals ch and nh
}

// nuclei lists the vowel groups of Vietnamese, in VIQR (see qualityKeys),
// with what may follow them; {} is a group that ends the syllable. The u of
// qu and the i of gi belong to the initial consonant, not to the group.
var nuclei = map[string]nucleus{
	"a": {finalMay, true}, "e": {finalMay, false}, "e^": {finalMay, true},
	"i": {finalMay, true}, "o": {finalMay, false}, "o^": {finalMay, false},
	"o+": {finalMay, false}, "u": {finalMay, false}, "u+": {finalMay, false},
	"y": {finalMay, true}, "oa": {finalMay, true}, "oe": {finalMay, false},
	"ue^": {finalMay, true}, "uy": {finalMay, true},

	"a(": {finalMust, false}, "a^": {finalMust, false}, "ie^": {finalMust, false},
	"ye^": {finalMust, false}, "uo^": {finalMust, false}, "u+o+": {finalMust, false},
	"ua^": {finalMust, false}, "oa(": {finalMust, false}, "uye^": {finalMust, false},
	"oo": {finalMust, false},

	"ai": {}, "ao": {}, "au": {}, "ay": {}, "a^u": {}, "a^y": {}, "eo": {},
	"e^u": {}, "ia": {}, "iu": {}, "oi": {}, "o^i": {}, "o+i": {}, "ua": {},
	"ui": {}, "u+a": {}, "u+i": {}, "u+u": {}, "ie^u": {}, "ye^u": {},
	"oai": {}, "oay": {}, "oao": {}, "oeo": {}, "ua^y": {}, "uo^i": {},
	"u+o+i": {}, "u+o+u": {}, "uya": {}, "uyu": {}, "uo+": {},
}

// onsets lists the initial consonants, with đ written D.
var onsets = map[string]bool{
	"": true, "b": true, "c": true, "ch": true, "d": true, "D": true,
	"g": true, "gh": true, "gi": true, "h": true, "k": true, "kh": true,
	"l": true, "m": true, "n": true, "ng": true, "ngh": true, "nh": true,
	"p": true, "ph": true, "qu": true, "r": true, "s": true, "t": true,
	"th": true, "tr": true, "v": true, "x": true,
}

// codas lists the final consonants.
var codas = map[string]bool{
	"": true, "c": true, "ch": true, "m": true, "n": true, "ng": true,
	"nh": true, "p": true, "t": true,
}
