package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// No panic reaches the user: a bug is one line on stderr (and the JSON
// error with --json), exit 2, never a stack trace.
func TestPanicIsOneLine(t *testing.T) {
	defer func(f func() *cli.App) { newApp = f }(newApp)
	newApp = func() *cli.App {
		a := New()
		a.Commands = append(a.Commands, &cli.Command{Name: "boom", Flags: []cli.Flag{&cli.BoolFlag{Name: "json"}},
			Action: func(*cli.Context) error { panic("index out of range [3] with length 3") }})
		return a
	}
	for _, tc := range []struct {
		name       string
		args       []string
		wantStdout string
	}{
		{"text", []string{"qf", "boom"}, ""},
		{"json", []string{"qf", "boom", "--json"}, "{\n  \"error\": \"internal error (a bug in qf; please report it with the command line): index out of range [3] with length 3\"\n}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Main(tc.args, &out, &errb); code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if want := "qf: internal error (a bug in qf; please report it with the command line): index out of range [3] with length 3\n"; errb.String() != want {
				t.Errorf("stderr %q, want %q", errb.String(), want)
			}
			if out.String() != tc.wantStdout {
				t.Errorf("stdout %q, want %q", out.String(), tc.wantStdout)
			}
		})
	}
}

// reorderArgs moves a command's flags before its positional arguments,
// keeping values with their flags and everything after "--" in place.
func TestReorderArgs(t *testing.T) {
	a := New()
	for _, tc := range []struct{ name, in, want string }{
		{"flag after file", "qf verify tree T --root R", "qf verify tree --root R T"},
		{"global flags stay", "qf --db D import contributions F --round 1", "qf --db D import contributions --round 1 F"},
		{"bool flag takes no value", "qf stats --json --round 1", "qf stats --json --round 1"},
		{"bool after positional", "qf ledger balance pool --json", "qf ledger balance --json pool"},
		{"name=value", "qf verify tree T --root=R", "qf verify tree --root=R T"},
		{"after --", "qf verify tree -- --root", "qf verify tree -- --root"},
		{"unknown command untouched", "qf nosuch a --b", "qf nosuch a --b"},
		{"short alias", "qf calc F -c C -g G", "qf calc -c C -g G F"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := reorderArgs(a, strings.Fields(tc.in))
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("got %q, want %q", s, tc.want)
			}
		})
	}
}
