package app

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// reorderArgs moves every flag of the command named by args ahead of its
// positional arguments, so `qf verify tree F --root R` means what it says:
// urfave/cli v2 stops parsing flags at the first positional argument. Flags
// keep their order and their values (the next argument, unless the flag is
// a boolean or written --name=value); everything after "--" stays
// positional. Arguments before the command (global flags) and the command
// path itself are left where they are.
func reorderArgs(a *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	out := []string{args[0]}
	rest := args[1:]
	flags, cmds := a.Flags, a.Commands
	for {
		// flags of this level, before the next command name
		i := 0
		for i < len(rest) && isFlagArg(rest[i]) {
			i += flagWidth(flags, rest, i)
		}
		i = min(i, len(rest))
		out = append(out, rest[:i]...)
		rest = rest[i:]
		if len(rest) == 0 {
			return out
		}
		cmd := findCommand(cmds, rest[0])
		if cmd == nil {
			return append(out, rest...) // not a command: let cli say so
		}
		out = append(out, rest[0])
		rest = rest[1:]
		if len(cmd.Subcommands) == 0 {
			return append(out, splitFlags(cmd.Flags, rest)...)
		}
		flags, cmds = cmd.Flags, cmd.Subcommands
	}
}

// splitFlags returns args with the flags (and their values) first, then the
// positional arguments, each group in its original order.
func splitFlags(flags []cli.Flag, args []string) []string {
	var fl, pos []string
	for i := 0; i < len(args); {
		switch {
		case args[i] == "--":
			pos = append(pos, args[i:]...)
			i = len(args)
		case isFlagArg(args[i]):
			n := min(flagWidth(flags, args, i), len(args)-i)
			fl = append(fl, args[i:i+n]...)
			i += n
		default:
			pos = append(pos, args[i])
			i++
		}
	}
	return append(fl, pos...)
}

func isFlagArg(s string) bool { return len(s) > 1 && s[0] == '-' && s != "--" }

// flagWidth is how many arguments the flag at args[i] spans: 2 when it
// takes a value written as the next argument, else 1.
func flagWidth(flags []cli.Flag, args []string, i int) int {
	name := strings.TrimLeft(args[i], "-")
	if strings.Contains(name, "=") {
		return 1
	}
	for _, f := range flags {
		for _, n := range f.Names() {
			if n != name {
				continue
			}
			if v, ok := f.(cli.DocGenerationFlag); ok && v.TakesValue() {
				return 2
			}
			return 1
		}
	}
	return 1 // unknown (or --help): cli reports it
}

func findCommand(cmds []*cli.Command, name string) *cli.Command {
	for _, c := range cmds {
		if c.HasName(name) {
			return c
		}
	}
	return nil
}
