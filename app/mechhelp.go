package app

import (
	"strings"

	"github.com/qf-dev/qf/calc"
)

// The --mechanism, --mechanisms and --param help texts are made from
// calc's registry ([calc.Mechanisms]), so a mechanism or parameter added
// there is documented in every command that takes it.

// mechanismUsage is --mechanism's help: lead, then every mechanism with
// its one-line summary and its parameters (optional ones in brackets).
func mechanismUsage(lead string) string {
	var b strings.Builder
	b.WriteString(lead)
	b.WriteString(": ")
	for i, m := range calc.Mechanisms() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.Name + " (" + m.Summary)
		for j, p := range m.Params {
			sep := " "
			if j == 0 {
				sep = "; --param "
			}
			if p.Required {
				b.WriteString(sep + p.Name + "=…")
			} else {
				b.WriteString(sep + "[" + p.Name + "=…]")
			}
		}
		b.WriteString(")")
	}
	return b.String()
}

// paramUsage is --param's help: what each mechanism's parameters mean.
func paramUsage() string {
	var parts []string
	for _, m := range calc.Mechanisms() {
		for _, p := range m.Params {
			parts = append(parts, m.Name+" "+p.Name+": "+p.Help)
		}
	}
	return "mechanism parameter `k=v` (repeatable): " + strings.Join(parts, "; ")
}

// poolMechanismNames lists the mechanisms that match a pool, which the
// commands comparing mechanisms side by side accept.
func poolMechanismNames() string {
	var names []string
	for _, m := range calc.Mechanisms() {
		if m.Pool {
			names = append(names, m.Name)
		}
	}
	return strings.Join(names, ", ")
}
