package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/unicode/norm"

	"loa/internal/cli"
	"loa/internal/pdf"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"loa": func() {
			os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Env{Stdout: os.Stdout, Stderr: os.Stderr}))
		},
	})
}

// TestScript runs the command-line scripts in testdata/script: each is a
// site in a txtar archive and the commands an editor would type.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Condition:           condition,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"tree":      cmdTree,
			"writefile": cmdWritefile,
			"crlf":      cmdCRLF,
			"nfd":       cmdNFD,
			"noglob":    cmdNoglob,
		},
	})
}

// condition answers [chromium]: whether the browser tests can run. With
// LOA_REQUIRE_CHROMIUM=1 a missing browser fails the script instead of
// skipping it.
func condition(cond string) (bool, error) {
	if cond != "chromium" {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	_, err := pdf.FindChromium()
	if err != nil && os.Getenv("LOA_REQUIRE_CHROMIUM") == "1" {
		return false, fmt.Errorf("Chromium is required (LOA_REQUIRE_CHROMIUM=1) but not installed")
	}
	return err == nil, nil
}

// tree DIR prints every file under DIR with a hash of its contents, sorted,
// so that two snapshots can be compared with cmp.
func cmdTree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: tree DIR")
	}
	root := ts.MkAbs(args[0])
	var lines []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		lines = append(lines, fmt.Sprintf("%x %s", sha256.Sum256(data), filepath.ToSlash(rel)))
		return nil
	})
	ts.Check(err)
	sort.Strings(lines)
	fmt.Fprintln(ts.Stdout(), strings.Join(lines, "\n"))
}

// writefile FILE TEXT writes TEXT, with the escapes of a Go string literal
// ("\xDE", "\r\n"), to FILE: for bytes a txtar archive can not hold.
// Double quotes in TEXT stand for themselves.
func cmdWritefile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: writefile FILE TEXT")
	}
	text, err := strconv.Unquote(`"` + strings.ReplaceAll(args[1], `"`, `\"`) + `"`)
	ts.Check(err)
	p := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, []byte(text), 0o644))
}

// crlf FILE rewrites FILE with Windows line endings and a UTF-8 byte order
// mark, as Notepad saves it.
func cmdCRLF(ts *testscript.TestScript, neg bool, args []string) {
	p := ts.MkAbs(args[0])
	data, err := os.ReadFile(p)
	ts.Check(err)
	data = []byte("\uFEFF" + strings.ReplaceAll(string(data), "\n", "\r\n"))
	ts.Check(os.WriteFile(p, data, 0o644))
}

// nfd FILE renames FILE to the decomposed (NFD) form of its name, as macOS
// writes Vietnamese file names.
func cmdNFD(ts *testscript.TestScript, neg bool, args []string) {
	p := ts.MkAbs(args[0])
	dir, name := filepath.Split(p)
	ts.Check(os.Rename(p, filepath.Join(dir, norm.NFD.String(name))))
}

// noglob PATTERN fails if any file matches PATTERN.
func cmdNoglob(ts *testscript.TestScript, neg bool, args []string) {
	matches, err := filepath.Glob(ts.MkAbs(args[0]))
	ts.Check(err)
	if len(matches) > 0 {
		ts.Fatalf("unexpected files: %v", matches)
	}
}
