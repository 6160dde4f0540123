package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/unicode/norm"

	"loa/internal/pdf"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"loa": func() { os.Exit(run()) },
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
			"tree":       cmdTree,
			"writefile":  cmdWritefile,
			"crlf":       cmdCRLF,
			"nfd":        cmdNFD,
			"noglob":     cmdNoglob,
			"freeport":   cmdFreeport,
			"waitserver": cmdWaitServer,
			"httpget":    cmdHTTPGet,
			"httpwait":   cmdHTTPWait,
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

// noglob [-wait] PATTERN fails if any file matches PATTERN; with -wait,
// if any still does after ten seconds.
func cmdNoglob(ts *testscript.TestScript, neg bool, args []string) {
	wait := len(args) == 2 && args[0] == "-wait"
	if wait {
		args = args[1:]
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		matches, err := filepath.Glob(ts.MkAbs(args[0]))
		ts.Check(err)
		if len(matches) == 0 {
			return
		}
		if !wait || time.Now().After(deadline) {
			ts.Fatalf("unexpected files: %v", matches)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// freeport NAME sets the variable NAME to a TCP port that is free now.
func cmdFreeport(ts *testscript.TestScript, neg bool, args []string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	ts.Check(err)
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	ts.Setenv(args[0], strconv.Itoa(port))
}

// waitserver URL waits until a server answers at URL.
func cmdWaitServer(ts *testscript.TestScript, neg bool, args []string) {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(args[0]); err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("no server at %s", args[0])
}

// httpget [-status N] [-host H] URL fetches URL, checks the status (200
// unless told) and prints the body.
func cmdHTTPGet(ts *testscript.TestScript, neg bool, args []string) {
	status, host := 200, ""
	for len(args) > 1 && strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "-status":
			status, _ = strconv.Atoi(args[1])
		case "-host":
			host = args[1]
		default:
			ts.Fatalf("unknown flag %s", args[0])
		}
		args = args[2:]
	}
	req, err := http.NewRequest("GET", args[0], nil)
	ts.Check(err)
	if host != "" {
		req.Host = host
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	ts.Check(err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	ts.Check(err)
	if resp.StatusCode != status {
		ts.Fatalf("GET %s: status %d, want %d\n%s", args[0], resp.StatusCode, status, body)
	}
	for k, v := range resp.Header {
		fmt.Fprintf(ts.Stdout(), "%s: %s\n", k, strings.Join(v, ", "))
	}
	ts.Stdout().Write(body)
}

// httpwait URL REGEXP fetches URL until its body matches REGEXP, or, with
// !, until it no longer does.
func cmdHTTPWait(ts *testscript.TestScript, neg bool, args []string) {
	re := regexp.MustCompile(args[1])
	deadline := time.Now().Add(20 * time.Second)
	var last []byte
	for time.Now().Before(deadline) {
		if resp, err := http.Get(args[0]); err == nil {
			last, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			if re.Match(last) != neg {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	ts.Fatalf("GET %s: body never matched %q (negated: %v); last body:\n%s", args[0], args[1], neg, last)
}
