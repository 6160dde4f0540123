package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"loa/internal/bulletin"
	"loa/internal/paths"
	"loa/internal/pipeline"
	"loa/internal/serve"
	"loa/internal/spoken"
)

// runBulletins lists the site's loudspeaker bulletins with their reading
// times and, with --wav, writes beside each one a WAV file of it spoken by
// espeak-ng's Vietnamese voice at the configured rate, so that an editor
// can hear it before the announcer does.
func runBulletins(ctx context.Context, env Env, args []string) int {
	var sf siteFlags
	fl := flags(env, "phat-thanh", "[-s SITE] [-d DEST] [--wav]")
	sf.register(fl)
	dest := fl.String("d", "", "the output `folder` of loa build, where the WAV files are written (default SITE/public)")
	wav := fl.Bool("wav", false, "write a spoken preview of each bulletin (needs espeak-ng)")
	if status, ok := parse(fl, args); !ok {
		return status
	}
	if fl.NArg() > 0 {
		fl.Usage()
		return ExitUsage
	}
	if *dest == "" {
		*dest = filepath.Join(sf.dir, "public")
	}
	if *wav {
		if _, err := os.Stat(filepath.Join(*dest, paths.Marker)); err != nil {
			fmt.Fprintf(env.Stderr, "loa phat-thanh: %s is not the output of loa build: run loa build first\n", quote(*dest))
			return ExitError
		}
	}
	site, done, err := sf.open()
	if err != nil {
		return report(env, err)
	}
	defer done()
	site.Only = []string{bulletin.Name}
	eng := pipeline.New(site)
	store := serve.NewStore(false)
	batch := store.Batch()
	rep, err := eng.Rebuild(ctx, nil, batch)
	if err == nil && rep.Failed() {
		err = rep.Problems.Err()
	}
	if err != nil {
		return report(env, err)
	}
	batch.Commit()
	warn(env, rep.Problems)
	rate := eng.Config().Radio.SpokenRate()
	for _, o := range eng.Results(bulletin.Name) {
		s, ok := o.Result.(bulletin.Summary)
		if !ok {
			continue
		}
		fmt.Fprintf(env.Stdout, "%-14s %s  %s\n", bulletin.Minutes(s.Duration), s.URL, s.Title)
		if !*wav {
			continue
		}
		f, _ := store.Get(s.Text)
		out := filepath.Join(*dest, filepath.FromSlash(paths.BulletinWAV(s.URL)))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return report(env, err)
		}
		if err := spoken.Preview(ctx, string(f.Data), out, rate); err != nil {
			if errors.Is(err, spoken.ErrNoEspeak) {
				fmt.Fprintln(env.Stderr, "loa phat-thanh: --wav needs espeak-ng, which is not installed (Debian, Ubuntu: sudo apt-get install espeak-ng)")
			} else {
				fmt.Fprintf(env.Stderr, "loa phat-thanh: %v\n", err)
			}
			return ExitError
		}
		fmt.Fprintf(env.Stdout, "%14s %s\n", "", filepath.ToSlash(out))
	}
	return ExitOK
}
