package cli

import (
	"context"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

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

// fixEncoding converts one file and says what it did. Only the lines that
// read as legacy text are converted, so that Unicode lines of a file that
// mixes both stay as they are; a file of raw 8-bit bytes is decoded whole.
func fixEncoding(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var out string
	var what string
	if !utf8.Valid(data) {
		enc := vntext.DetectLegacyBytes(data)
		if enc == vntext.Unicode {
			return "", fmt.Errorf("not UTF-8, and not TCVN3 or VNI either; open it in an editor and save it as UTF-8")
		}
		out = vntext.DecodeLegacyBytes(data, enc)
		what = fmt.Sprintf("converted the whole file from %s", enc)
	} else {
		lines := strings.SplitAfter(string(data), "\n")
		n, enc := 0, vntext.Unicode
		for i, l := range lines {
			if e := vntext.DetectLegacy(l); e != vntext.Unicode {
				lines[i] = vntext.FromLegacy(l, e)
				n, enc = n+1, e
			}
		}
		if n == 0 {
			return "no TCVN3 or VNI text found; left as it was", nil
		}
		out = vntext.NFCString(strings.Join(lines, ""))
		what = fmt.Sprintf("converted %d %s from %s", n, plural(n, "line", "lines"), enc)
	}
	backup := file + ".bak"
	for i := 1; exists(backup); i++ {
		backup = fmt.Sprintf("%s.bak%d", file, i)
	}
	if err := os.WriteFile(backup, data, 0o644); err != nil {
		return "", fmt.Errorf("keep a backup: %w", err)
	}
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		return "", err
	}
	return what + "; the original is in " + backup, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
