package app

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows a bar on stderr when it is a terminal and does nothing
// when output is piped or redirected (scripts and CI stay quiet).
type progress struct{ bar *progressbar.ProgressBar }

// newProgress counts to total: bytes (shown as such) when bytes is set, else items.
func newProgress(w io.Writer, total int64, what string, bytes bool) *progress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || total <= 0 {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(what),
		progressbar.OptionShowBytes(bytes), progressbar.OptionThrottle(100_000_000), progressbar.OptionClearOnFinish())}
}

func (p *progress) set(n int) {
	if p.bar != nil {
		_ = p.bar.Set64(int64(n))
	}
}

func (p *progress) done() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
