package app_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/app"
)

// runFail runs qf and returns its exit code, stdout and stderr.
func runFail(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := app.Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestDamagedDatabase flips bytes in the middle of every table file of a
// closed round's database: reading it must give one line saying what to
// do and exit 1, never a panic or a stack trace.
func TestDamagedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	runQF(t, "qf", "--db", db, "demo")
	// move everything from the log into table files, as time would
	p, err := pebble.Open(db, &pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	ssts, _ := filepath.Glob(filepath.Join(db, "*.sst"))
	if len(ssts) == 0 {
		t.Fatal("no table files after a flush")
	}
	for _, f := range ssts {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < len(b)-128; i++ {
			b[i] ^= 0x5a
		}
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{
		{"proof", "--round", "1", "--gap", "1"},
		{"stats", "--round", "1"},
		{"tree", "--round", "1"},
		{"round", "show", "1"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := runFail(append([]string{"qf", "--db", db}, args...)...)
			if code != 1 {
				t.Fatalf("exit %d, want 1; stdout %q stderr %q", code, stdout, stderr)
			}
			want := "qf: database damaged: " + db + ": "
			if !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, ": restore the folder from a backup, or rebuild the round in a new --db from its files\n") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("stderr %q, want one line %q…", stderr, want)
			}
		})
	}
}

// holdDB opens the database in dir, says so on stdout and keeps it open
// until stdin closes: another process holding the lock, as qf serve does.
func holdDB(dir string) {
	p, err := pebble.Open(dir, &pebble.Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("held")
	_, _ = io.Copy(io.Discard, os.Stdin)
	p.Close()
	os.Exit(0)
}

// TestDatabaseInUse has another process hold the database open, as a
// running qf serve would: qf gets one line saying what to do, exit 1.
func TestDatabaseInUse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	runQF(t, "qf", "--db", db, "round", "create", "--pool", "10")
	holder := exec.Command(os.Args[0])
	holder.Env = append(os.Environ(), "QF_TEST_HOLD_DB="+db)
	stdin, err := holder.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := holder.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); _ = holder.Wait() }()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "held\n" {
		t.Fatalf("holder: %q, %v", line, err)
	}
	for _, args := range [][]string{{"round", "list"}, {"round", "create", "--pool", "1"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, stderr := runFail(append([]string{"qf", "--db", db}, args...)...)
			want := "qf: database in use: " + db + " is open in another process (a qf serve, or a long import or match): wait for it or stop it, then retry\n"
			if code != 1 || stderr != want {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, want)
			}
		})
	}
}

// TestForeignPebble: a Pebble database another program made is refused,
// and left as it was.
func TestForeignPebble(t *testing.T) {
	db := filepath.Join(t.TempDir(), "other")
	p, err := pebble.Open(db, &pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Set([]byte("\xffforeign"), []byte("x"), pebble.Sync); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"round", "list"}, {"round", "create", "--pool", "1"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, _, stderr := runFail(append([]string{"qf", "--db", db}, args...)...)
			want := "qf: not a qf database: " + db + " is a Pebble database another program made (it has no qf marker): pass --db a new folder or an existing qf database\n"
			if code != 1 || stderr != want {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, stderr, want)
			}
		})
	}
	p, err = pebble.Open(db, &pebble.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, closer, err := p.Get([]byte("\x00qf")); err == nil {
		closer.Close()
		t.Error("qf wrote its marker into a database it refused")
	}
}
