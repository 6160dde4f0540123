package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"loa"
	"loa/internal/config"
	"loa/internal/content"
	"loa/internal/paths"
	"loa/internal/vntext"
)

func runNew(ctx context.Context, env Env, args []string) int {
	fl := flags(env, "new", "site DIR | [-s SITE] KIND \"Title\"")
	siteDir := fl.String("s", ".", "the site `folder` (for a content file)")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	switch {
	case fl.NArg() == 2 && fl.Arg(0) == "site":
		return newSite(env, fl.Arg(1))
	case fl.NArg() == 2:
		return newContent(env, *siteDir, fl.Arg(0), fl.Arg(1))
	}
	fl.Usage()
	return ExitUsage
}

// newSite writes the built-in campaign site to dir as a starting point.
func newSite(env Env, dir string) int {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(env.Stderr, "loa new site: %s exists and is not empty\n", quote(dir))
		return ExitError
	}
	n, err := writeTree(loa.DefaultSite(), dir)
	if err != nil {
		return report(env, fmt.Errorf("write starter site: %w", err))
	}
	fmt.Fprintf(env.Stdout, "Created a site with %d files in %s\nNext: cd %s && loa build\n", n, quote(dir), quote(dir))
	return ExitOK
}

// kindAliases lets editors name a kind by its folder or in Vietnamese.
func kindOf(cfg *config.Config, name string) (kind, folder string, ok bool) {
	name = vntext.Slug(name)
	if name == "page" || name == "trang" {
		return content.KindPage, "", true
	}
	for k, f := range cfg.Kinds {
		if name == k || name == vntext.Slug(f) {
			return k, f, true
		}
	}
	return "", "", false
}

// newContent writes content/<folder>/<slug>.md with the front matter of
// the kind, ready to fill in.
func newContent(env Env, siteDir, kindName, title string) int {
	root, err := os.OpenRoot(siteDir)
	if err != nil {
		return report(env, fmt.Errorf("site folder %s not found", quote(siteDir)))
	}
	defer root.Close()
	cfg, ds := config.Load(root.FS(), config.Overrides{Preview: true})
	if err := ds.Err(); err != nil {
		return report(env, err)
	}
	kind, folder, ok := kindOf(cfg, kindName)
	if !ok {
		var names []string
		for k, f := range cfg.Kinds {
			names = append(names, k+" ("+f+")")
		}
		sort.Strings(names)
		fmt.Fprintf(env.Stderr, "loa new: unknown kind %q; use page or one of: %s\n", kindName, strings.Join(names, ", "))
		return ExitUsage
	}
	title = strings.Join(strings.Fields(vntext.NFCString(title)), " ")
	slug := vntext.Slug(title)
	if slug == "" {
		fmt.Fprintf(env.Stderr, "loa new: cannot make a file name from %q\n", title)
		return ExitUsage
	}
	rel := filepath.Join(paths.ContentDir, folder, slug+".md")
	if err := root.MkdirAll(filepath.Dir(rel), 0o755); err != nil {
		return report(env, err)
	}
	f, err := root.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(env.Stderr, "loa new: %s already exists\n", filepath.ToSlash(rel))
		return ExitError
	}
	if err != nil {
		return report(env, err)
	}
	defer f.Close()
	if _, err := f.WriteString(skeleton(kind, title)); err != nil {
		return report(env, err)
	}
	fmt.Fprintf(env.Stdout, "Created %s\n", filepath.ToSlash(filepath.Join(siteDir, rel)))
	return ExitOK
}

// skeleton is the starting text of a new content file.
func skeleton(kind, title string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\n", title)
	b.WriteString("# weight = 10          # thứ tự: số nhỏ đứng trước\n")
	b.WriteString("# summary = \"...\"     # một câu tóm tắt, dưới 160 ký tự\n")
	switch kind {
	case config.KindViewpoint:
		b.WriteString("number = 1\n")
	case config.KindGoal:
		b.WriteString("figures = [\n  # {value = \"30%\", label = \"GDP từ kinh tế số\", year = 2030},\n]\n")
	case config.KindSlogan:
		b.WriteString("status = \"draft\"       # \"official\" chỉ khi câu chữ đã được phê duyệt\n")
		b.WriteString("source = \"\"            # câu khẩu hiệu dựa trên văn bản nào\n")
	case config.KindPrint:
		b.WriteString("product = \"to-gap-a4\"\n")
	}
	b.WriteString("+++\n\n")
	if kind == config.KindSlogan {
		b.WriteString("Ghi chú về câu khẩu hiệu (không bắt buộc).\n")
	} else {
		b.WriteString("Viết nội dung ở đây.\n")
	}
	return b.String()
}

// writeTree copies every file of fsys under dir, refusing to overwrite.
func writeTree(fsys fs.FS, dir string) (int, error) {
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			return err
		}
		n++
		return f.Close()
	})
	return n, err
}
