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
	fl := flags(env, "new", "site DIR | [-s SITE] [-product NAME] KIND \"Title\"")
	siteDir := fl.String("s", ".", "the site `folder` (for a content file)")
	product := fl.String("product", "", "for a print file: the `product` it is (default: the first one written per page, to-gap-a4)")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	switch {
	case fl.NArg() == 2 && fl.Arg(0) == "site":
		return newSite(env, fl.Arg(1))
	case fl.NArg() == 2:
		return newContent(env, *siteDir, fl.Arg(0), fl.Arg(1), *product)
	}
	fl.Usage()
	return ExitUsage
}

// gitignore keeps loa's output and temporary files out of a site's
// version control.
const gitignore = `# The output of loa build, and the folders it builds and swaps it in with
/public/
/.public.loa-*
# Backups that loa fix-encoding keeps
*.bak
`

// newSite writes the built-in campaign site to dir as a starting point. It
// writes only into a folder that is new or empty ("" is the current
// folder), so that a starter site is never mixed into someone's files.
func newSite(env Env, dir string) int {
	shown := quote(dir)
	if dir == "" {
		dir, shown = ".", "the current folder"
	}
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		fmt.Fprintf(env.Stderr, "loa new site: %s is a file, not a folder\n", shown)
		return ExitError
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(env.Stderr, "loa new site: %s is not empty; a new site goes into a new or empty folder\n", shown)
		fmt.Fprintln(env.Stderr, "\thint: give the name of a new folder, e.g. loa new site trang-moi")
		return ExitError
	}
	n, err := writeTree(loa.DefaultSite(), dir)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(gitignore), 0o644)
		n++
	}
	if err != nil {
		return report(env, fmt.Errorf("write starter site: %w", err))
	}
	next := "loa build"
	if dir != "." {
		next = "cd " + quote(dir) + " && loa build"
	}
	fmt.Fprintf(env.Stdout, "Created a site with %d files in %s\nNext: %s\n", n, shown, next)
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
// the kind, ready to fill in. The file starts as a draft, so that its
// placeholder text is published nowhere, and a print file does not take
// the place of the piece loa composes from the site before it is ready.
func newContent(env Env, siteDir, kindName, title, productName string) int {
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
	var product config.Product
	if kind == config.KindPrint {
		if product, ok = pageProduct(cfg, productName); !ok {
			fmt.Fprintf(env.Stderr, "loa new: %q is not a product written per page; use -product with one of: %s\n", productName, strings.Join(pageProducts(cfg), ", "))
			return ExitUsage
		}
	} else if productName != "" {
		fmt.Fprintln(env.Stderr, "loa new: -product is for print files (loa new in ...)")
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
	if _, err := f.WriteString(skeleton(kind, title, product)); err != nil {
		return report(env, err)
	}
	fmt.Fprintf(env.Stdout, "Created %s, as a draft: it is published once you delete its line draft = true\n", filepath.ToSlash(filepath.Join(siteDir, rel)))
	if kind == config.KindPrint {
		if n := len(partNames(product)); n > 1 {
			fmt.Fprintf(env.Stdout, "It has the %d parts of %s, separated by lines ---, each with a placeholder to replace.\n", n, product.Name)
		} else {
			fmt.Fprintln(env.Stdout, "It holds a placeholder to replace.")
		}
		fmt.Fprintf(env.Stdout, "Until it is published, %s stays as loa composes it from the site; then this file takes its place.\n", product.Name)
	}
	return ExitOK
}

// pageProduct returns the product written per page named name, or the
// first such product for "".
func pageProduct(cfg *config.Config, name string) (config.Product, bool) {
	for _, p := range cfg.Print.Products {
		if p.Per == config.PerPage && (name == "" || p.Name == name) {
			return p, true
		}
	}
	return config.Product{}, false
}

func pageProducts(cfg *config.Config) []string {
	var names []string
	for _, p := range cfg.Print.Products {
		if p.Per == config.PerPage {
			names = append(names, p.Name)
		}
	}
	return names
}

// partNames names, in reading order, the parts of a print file of the
// product: what the editor separates with lines "---". A tri-fold leaflet
// is read front cover, the flap that folds in, the three inside panels,
// back cover; a flyer front then back; other pieces side by side, panel by
// panel.
func partNames(p config.Product) []string {
	pages := max(p.Pages, 1)
	switch {
	case len(p.Panels) == 3 && pages == 2:
		return []string{"Trang bìa (mặt trước khi gấp)", "Tờ gập vào trong", "Mặt trong, cột trái", "Mặt trong, cột giữa", "Mặt trong, cột phải", "Trang bìa sau"}
	case len(p.Panels) > 1:
		var names []string
		for side := 1; side <= pages; side++ {
			for panel := 1; panel <= len(p.Panels); panel++ {
				names = append(names, fmt.Sprintf("Mặt %d, cột %d", side, panel))
			}
		}
		return names
	case pages == 2:
		return []string{"Mặt trước", "Mặt sau"}
	}
	var names []string
	for side := 1; side <= pages; side++ {
		names = append(names, fmt.Sprintf("Mặt %d", side))
	}
	return names
}

// skeleton is the starting text of a new content file.
func skeleton(kind, title string, product config.Product) string {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\n", title)
	b.WriteString("draft = true           # bản nháp: xoá dòng này khi đã sẵn sàng đăng\n")
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
		fmt.Fprintf(&b, "product = %q\n", product.Name)
	}
	b.WriteString("+++\n\n")
	switch kind {
	case config.KindSlogan:
		b.WriteString("Ghi chú về câu khẩu hiệu (không bắt buộc).\n")
	case config.KindPrint:
		for i, name := range partNames(product) {
			if i > 0 {
				b.WriteString("\n---\n\n")
			}
			fmt.Fprintf(&b, "## %s\n\nPhần %d: thay tiêu đề và đoạn này bằng nội dung của phần này.\n", name, i+1)
		}
	default:
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
