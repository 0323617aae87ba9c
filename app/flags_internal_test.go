package app

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// eachFlag calls fn with every leaf command's path ("round create") and
// each of its flags, the app's global flags under the path "".
func eachFlag(fn func(cmd string, f cli.Flag)) {
	a := New()
	for _, f := range a.Flags {
		fn("", f)
	}
	var walk func(prefix string, cmds []*cli.Command)
	walk = func(prefix string, cmds []*cli.Command) {
		for _, c := range cmds {
			path := strings.TrimSpace(prefix + " " + c.Name)
			for _, f := range c.Flags {
				fn(path, f)
			}
			walk(path, c.Subcommands)
		}
	}
	walk("", a.Commands)
}

// envOf is the environment variables flag f falls back to.
func envOf(f cli.Flag) []string {
	if e, ok := f.(interface{ GetEnvVars() []string }); ok {
		return e.GetEnvVars()
	}
	return nil
}

// Environment variables are scoped to the commands they belong to: each
// QF_ variable below is read by exactly these commands ("" is the global
// flags), and a variable set for one job (QF_MECHANISM for round create,
// QF_UNITS for importing) never changes what a verifier recomputes.
func TestEnvScoped(t *testing.T) {
	got := map[string][]string{}
	eachFlag(func(cmd string, f cli.Flag) {
		for _, e := range envOf(f) {
			got[e] = append(got[e], cmd+" --"+f.Names()[0])
		}
	})
	want := map[string][]string{
		"QF_ACCESS_LOG":          {"serve --access-log"},
		"QF_ADDR":                {"serve --addr"},
		"QF_CHAIN_ID":            {"import chain --chain-id", "submit --chain-id", "claim --chain-id", "watch --chain-id", "chain deploy-token --chain-id", "chain deploy-round --chain-id", "chain register-gap --chain-id", "chain sweep --chain-id", "chain mint --chain-id", "chain donate --chain-id"},
		"QF_CONFIRMATIONS":       {"import chain --confirmations", "watch --confirmations"},
		"QF_CONTRACT":            {"import chain --contract", "submit --contract", "claim --contract", "watch --contract", "chain register-gap --contract", "chain sweep --contract", "chain donate --contract"},
		"QF_DB":                  {" --db"},
		"QF_FROM_ROWS":           {"match --from-rows"},
		"QF_GITCOIN_DATA":        {"report gitcoin --data"},
		"QF_IDLE_TIMEOUT":        {"serve --idle-timeout"},
		"QF_JSON":                {" --json"},
		"QF_KEYSTORE":            {"submit --keystore", "claim --keystore", "chain deploy-token --keystore", "chain deploy-round --keystore", "chain register-gap --keystore", "chain sweep --keystore", "chain mint --keystore", "chain donate --keystore"},
		"QF_MATCH_AT":            {"serve --match-at"},
		"QF_MATCH_EVERY":         {"serve --match-every"},
		"QF_MAX_CONNS":           {"serve --max-conns"},
		"QF_MAX_CONNS_PER_IP":    {"serve --max-conns-per-ip"},
		"QF_MECHANISM":           {"round create --mechanism", "serve --mechanism"},
		"QF_MIN_FREE":            {"serve --min-free"},
		"QF_PASSWORD_FILE":       {"submit --password-file", "claim --password-file", "chain deploy-token --password-file", "chain deploy-round --password-file", "chain register-gap --password-file", "chain sweep --password-file", "chain mint --password-file", "chain donate --password-file"},
		"QF_POOL_SIZE":           {"serve --pool-size"},
		"QF_PPROF":               {"serve --pprof"},
		"QF_PROOFS":              {"calc --proofs", "export --proofs", "cqf --proofs"},
		"QF_RATE_PER_IP":         {"serve --rate-per-ip"},
		"QF_RATE_PER_KEY":        {"serve --rate-per-key"},
		"QF_READ_HEADER_TIMEOUT": {"serve --read-header-timeout"},
		"QF_READ_TIMEOUT":        {"serve --read-timeout"},
		"QF_RETRY_MIN":           {"serve --retry-min"},
		"QF_ROUND":               {"round show --round", "import chain --round", "import contributions --round", "contribute --round", "contribution list --round", "contribution void --round", "match --round", "stats --round", "proof --round", "tree --round", "export --round", "submit --round", "claim --round", "ledger void-round --round", "price import --round", "price list --round", "revise --round", "revision list --round", "revision show --round"},
		"QF_RPC":                 {"import chain --rpc", "submit --rpc", "claim --rpc", "watch --rpc", "chain deploy-token --rpc", "chain deploy-round --rpc", "chain register-gap --rpc", "chain sweep --rpc", "chain mint --rpc", "chain donate --rpc"},
		"QF_SOURCE":              {"import chain --source"},
		"QF_STATS_REFRESH":       {"serve --stats-refresh"},
		"QF_STORAGE_LOG":         {"serve --storage-log"},
		"QF_TLS_CERT":            {"serve --tls-cert"},
		"QF_TOKEN":               {"import chain --token"},
		"QF_TLS_KEY":             {"serve --tls-key"},
		"QF_TX_TIMEOUT":          {"submit --timeout", "claim --timeout", "chain deploy-token --timeout", "chain deploy-round --timeout", "chain register-gap --timeout", "chain sweep --timeout", "chain mint --timeout", "chain donate --timeout"},
		"QF_UNITS":               {"import contributions --units", "contribute --units"},
		"QF_WRITE_TIMEOUT":       {"serve --write-timeout"},
	}
	for _, e := range slices.Sorted(maps.Keys(got)) {
		t.Run(e, func(t *testing.T) {
			if !slices.Equal(got[e], want[e]) {
				t.Errorf("%s is read by\n%q\nwant\n%q", e, got[e], want[e])
			}
		})
	}
	for _, e := range slices.Sorted(maps.Keys(want)) {
		if got[e] == nil {
			t.Errorf("%s is read by no command; want %q", e, want[e])
		}
	}
}

// meaning is what a flag means, whatever the command: its kind, its
// aliases and its usage text. (Whether it is required, its default and
// its environment fallback may differ by command.)
func meaning(f cli.Flag) string {
	usage := ""
	if d, ok := f.(cli.DocGenerationFlag); ok {
		usage = d.GetUsage()
	}
	return fmt.Sprintf("%T %q %s", f, f.Names(), usage)
}

// A flag name means one thing in every command that takes it: the same
// kind of value, the same aliases, the same usage text. Flags are
// declared once, in flags.go (and chainflags.go, serveflags.go), and
// commands list them.
func TestFlagsHaveOneMeaning(t *testing.T) {
	byName := map[string]map[string][]string{} // name → meaning → commands
	eachFlag(func(cmd string, f cli.Flag) {
		name := f.Names()[0]
		if byName[name] == nil {
			byName[name] = map[string][]string{}
		}
		m := meaning(f)
		byName[name][m] = append(byName[name][m], cmd)
	})
	// --mechanism's help is being generated from calc's registry (issue 20
	// item 5); serve's and the round settings' texts stay until then.
	delete(byName, "mechanism")
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		if len(byName[name]) > 1 {
			t.Run(name, func(t *testing.T) {
				for _, m := range slices.Sorted(maps.Keys(byName[name])) {
					t.Errorf("--%s: %s\n\tin %q", name, m, byName[name][m])
				}
			})
		}
	}
}
