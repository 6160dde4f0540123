package spoken

import "strings"

// Web and e-mail addresses: "https://binhdanhocvuso.gov.vn/" is read
// "binhdanhocvuso chấm gov chấm vn"; "ban@hungyen.gov.vn" is "ban a còng
// hungyen chấm gov chấm vn". The scheme is not said; a path is not said
// either and is reported, since nobody can write down a path heard once.

// topLevel are the domain endings that make "x.y.vn" an address without
// a scheme.
var topLevel = map[string]bool{
	"vn": true, "com": true, "net": true, "org": true, "gov": true, "edu": true,
	"info": true, "int": true, "io": true,
}

// address reads a web or e-mail address at s.i.
func (s *state) address() bool {
	start := s.i
	i := start
	scheme := false
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(s.src[i:], p) {
			i += len(p)
			scheme = true
			break
		}
	}
	local := ""
	if !scheme {
		j := i
		for j < len(s.src) && isLocalChar(s.src[j]) {
			j++
		}
		if j > i && j < len(s.src) && s.src[j] == '@' {
			local, i = s.src[i:j], j+1
		}
	}
	labels, end := hostAt(s.src, i)
	if len(labels) < 2 {
		return false
	}
	if !scheme && local == "" && labels[0] != "www" && !topLevel[labels[len(labels)-1]] {
		return false
	}
	pathStart := end
	if local == "" {
		for end < len(s.src) && isPathChar(s.src[end]) {
			end++
		}
		// A full stop or comma ending the sentence is not part of the path.
		for end > pathStart && strings.ContainsRune(".,;:", rune(s.src[end-1])) {
			end--
		}
	}
	words := make([]string, len(labels))
	for k, l := range labels {
		words[k] = spellLabel(l)
	}
	reading := strings.Join(words, " chấm ")
	if local != "" {
		reading = spellLabel(local) + " a còng " + reading
	}
	s.gen(reading)
	if path := strings.Trim(s.src[pathStart:end], "/"); path != "" {
		s.problem(Ambiguous, start, end, "the path of the web address \""+s.src[start:end]+"\" is not read aloud",
			"give a short address (the site's home page) in bulletins")
	}
	s.i = end
	return true
}

// hostAt reads dot-separated labels of ASCII letters, digits and hyphens.
func hostAt(src string, i int) ([]string, int) {
	var labels []string
	for {
		j := i
		for j < len(src) && isLabelChar(src[j]) {
			j++
		}
		if j == i {
			break
		}
		labels = append(labels, strings.ToLower(src[i:j]))
		i = j
		if i+1 < len(src) && src[i] == '.' && isLabelChar(src[i+1]) {
			i++
			continue
		}
		break
	}
	if i < len(src) && at(src, i) > 0x7F && isAlnum(at(src, i)) {
		return nil, i // a Vietnamese word, not an address
	}
	return labels, i
}

// spellLabel reads one part of an address: letters as written, digits
// one by one, "-" as "gạch ngang", "." and "_" in a mailbox name as
// "chấm" and "gạch dưới".
func spellLabel(l string) string {
	var parts []string
	i := 0
	for i < len(l) {
		c := l[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			parts = append(parts, digitByDigit(l[i:j]))
			i = j
		case c == '-':
			parts = append(parts, "gạch ngang")
			i++
		case c == '.':
			parts = append(parts, "chấm")
			i++
		case c == '_':
			parts = append(parts, "gạch dưới")
			i++
		case c == '+' || c == '%':
			parts = append(parts, "cộng")
			i++
		default:
			j := i
			for j < len(l) && (l[j] >= 'a' && l[j] <= 'z' || l[j] >= 'A' && l[j] <= 'Z') {
				j++
			}
			if j == i {
				j++
			}
			parts = append(parts, l[i:j])
			i = j
		}
	}
	return strings.Join(parts, " ")
}

func isLabelChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func isLocalChar(c byte) bool { return isLabelChar(c) || c == '.' || c == '_' || c == '+' }

func isPathChar(c byte) bool {
	return isLabelChar(c) || strings.IndexByte("/._~%?=&#:+", c) >= 0
}
