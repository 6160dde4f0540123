package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"loa/internal/content"
	"loa/internal/vntext"
)

func runFixEncoding(_ context.Context, env Env, args []string) int {
	fl := flags(env, "fix-encoding", "FILE...")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return ExitUsage
	}
	status := ExitOK
	for _, file := range fl.Args() {
		msg, err := fixEncoding(file)
		if err != nil {
			fmt.Fprintf(env.Stderr, "loa fix-encoding: %s: %v\n", file, err)
			status = ExitError
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: %s\n", file, msg)
	}
	return status
}

// fixEncoding converts one file and says what it did. A file saved as
// UTF-16 (Word's and Notepad's "Unicode") becomes UTF-8; a file of raw
// 8-bit bytes is decoded whole from TCVN3 or VNI; in a UTF-8 file only the
// runs of text pasted from TCVN3 or VNI are converted, so that the Unicode
// around them stays as it is. The original is kept beside it, with the
// same permissions.
func fixEncoding(file string) (string, error) {
	st, err := os.Stat(file)
	if err != nil {
		return "", err
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var out, what string
	switch {
	case content.IsUTF16(data):
		text, err := fromUTF16(data)
		if err != nil {
			return "", fmt.Errorf("it looks saved as UTF-16, but does not decode as UTF-16: %w", err)
		}
		fixed, runs := vntext.FixLegacy(text)
		out, what = fixed, "converted the whole file from UTF-16 to UTF-8"
		if len(runs) > 0 {
			what += ", and " + describeRuns(text, runs)
		}
	case !utf8.Valid(data):
		enc := vntext.DetectLegacyBytes(data)
		if enc == vntext.Unicode {
			return "", fmt.Errorf("not UTF-8, and not TCVN3 or VNI either; open it in an editor and save it as UTF-8")
		}
		out = vntext.DecodeLegacyBytes(data, enc)
		what = fmt.Sprintf("converted the whole file from %s", enc)
	default:
		text := string(data)
		fixed, runs := vntext.FixLegacy(text)
		if len(runs) == 0 {
			return "no TCVN3 or VNI text found; left as it was", nil
		}
		out, what = fixed, describeRuns(text, runs)
	}
	backup := file + ".bak"
	for i := 1; exists(backup); i++ {
		backup = fmt.Sprintf("%s.bak%d", file, i)
	}
	perm := st.Mode().Perm()
	if err := os.WriteFile(backup, data, perm); err != nil {
		return "", fmt.Errorf("keep a backup: %w", err)
	}
	if err := os.Chmod(backup, perm); err != nil { // as the original, whatever the umask
		return "", fmt.Errorf("keep a backup: %w", err)
	}
	if err := os.WriteFile(file, []byte(out), perm); err != nil {
		return "", err
	}
	return what + "; the original is in " + backup, nil
}

// describeRuns says which lines of text were converted from which
// encoding: "converted 2 lines from TCVN3 (ABC) and 1 line from VNI".
func describeRuns(text string, runs []vntext.Run) string {
	lines := map[vntext.Encoding]map[int]bool{}
	var order []vntext.Encoding
	for _, r := range runs {
		if lines[r.Enc] == nil {
			lines[r.Enc] = map[int]bool{}
			order = append(order, r.Enc)
		}
		lines[r.Enc][strings.Count(text[:r.Start], "\n")] = true
	}
	var parts []string
	for i, enc := range order {
		n := len(lines[enc])
		word := plural(n, "line", "lines")
		if i > 0 && n == 1 {
			word = "line"
		}
		parts = append(parts, fmt.Sprintf("%d %s from %s", n, word, enc))
	}
	return "converted " + strings.Join(parts, " and ")
}

// fromUTF16 decodes UTF-16 text, little-endian unless its byte order mark
// or its zero bytes say otherwise, as UTF-8 without a byte order mark.
func fromUTF16(data []byte) (string, error) {
	order := unicode.LittleEndian
	if bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || len(data) > 1 && data[0] == 0 && data[1] != 0 {
		order = unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.UseBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(bytes.TrimPrefix(out, []byte("\uFEFF"))), nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
