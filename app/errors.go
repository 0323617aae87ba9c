package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/qf-dev/qf/calc"
	"github.com/qf-dev/qf/chain"
	"github.com/qf-dev/qf/ingest"
	"github.com/qf-dev/qf/price"
	"github.com/qf-dev/qf/site"
	"github.com/qf-dev/qf/store"
)

// The libraries' errors say what is wrong, as sentinel or typed errors;
// what to do about it on the command line (a command to run, a flag to
// pass) is added here, in one place, by [advise].

// advice is what to do about an error: the first entry whose match
// accepts it adds its text to the error's message.
type advice struct {
	match func(error) bool
	text  func(error) string
}

// is matches errors that are target.
func is(target error) func(error) bool {
	return func(err error) bool { return errors.Is(err, target) }
}

// as matches errors that hold a T.
func as[T error](err error) bool {
	var t T
	return errors.As(err, &t)
}

// fixed is advice that does not depend on the error.
func fixed(s string) func(error) string { return func(error) string { return s } }

// roundOf is the round an error is about, "N" when it does not say.
func roundOf(err error) string {
	var r *store.RoundError
	if errors.As(err, &r) {
		return fmt.Sprint(r.Round)
	}
	return "N"
}

// advices is every piece of advice, the more specific first.
var advices = []advice{
	// calc
	{is(calc.ErrBaseUnits), fixed(" (amounts in tokens: --units token for contributions, --decimals N for the pool)")},
	{is(calc.ErrPrecision), fixed(": raise --min-amount to leave dust out of matching")},
	{is(calc.ErrNotPool), fixed(" (qf cqf; qf match on a stored round)")},
	{as[*calc.MissingParamError], func(err error) string {
		var e *calc.MissingParamError
		errors.As(err, &e)
		return fmt.Sprintf(": pass --param %s=%s", e.Name, e.Value)
	}},
	{as[*calc.PoolSettingsError], func(err error) string {
		var e *calc.PoolSettingsError
		errors.As(err, &e)
		return ": drop --" + strings.Join(e.Settings, ", --")
	}},
	// price, ingest, site
	{is(price.ErrNoLedger), fixed(" (qf price import, or --prices FILE)")},
	{is(price.ErrNotPriced), fixed("; add its price to the ledger first (qf price import)")},
	{is(price.ErrVoteCap), fixed("; drop the column or use --mechanism grants-stack")},
	{is(ingest.ErrTokenUnits), fixed(": read the file with --units base")},
	{is(site.ErrMultiToken), fixed("; publish it with qf export --format bundle, whose inputs carry the prices")},
	{is(store.ErrNoDecimals), fixed(": create the round with --decimals N (the match token's)")},
	// store
	{as[*store.UnregisteredGapError], fixed(": register it first (qf gap add / qf import gaps)")},
	{as[*store.BadRowError], func(err error) string {
		var e *store.BadRowError
		errors.As(err, &e)
		return fmt.Sprintf(": void it first (qf contribution void --round %d --reason TEXT %s)", e.Round, e.ID)
	}},
	{is(store.ErrRoundOpen), fixed(": run qf match first")},
	{is(store.ErrNoRound), fixed(" (qf round list shows the rounds)")},
	{as[*store.NoAgentError], func(err error) string {
		var e *store.NoAgentError
		errors.As(err, &e)
		return fmt.Sprintf(" (qf agent add %s first)", e.Name)
	}},
	{is(store.ErrNoAgent), fixed(" (qf agent list shows them)")},
	{is(store.ErrCQFRound), fixed(" (qf stats shows each pledge)")},
	{is(store.ErrReason), fixed(" (--reason TEXT)")},
	{is(store.ErrNoContribution), func(err error) string {
		n := roundOf(err)
		return fmt.Sprintf(" (qf contribution list --round %s shows them)", n)
	}},
	{is(store.ErrRecipientID), fixed(" (change it with qf gap set)")},
	{as[*store.NoParentError], func(err error) string {
		var e *store.NoParentError
		errors.As(err, &e)
		return fmt.Sprintf(": check --db or create %s first", e.Parent)
	}},
	{is(store.ErrNoDatabase), fixed(": check --db (or QF_DB); a database is started by qf import gaps, qf gap add or qf round create")},
	{is(store.ErrVersion), fixed(": use that version, or a new --db folder")},
	{is(store.ErrNotQF), fixed(": pass --db a new folder or an existing qf database")},
	{is(store.ErrDamaged), fixed(": restore the folder from a backup, or rebuild the round in a new --db from its files")},
	// site
	{is(site.ErrNotClosed), func(err error) string { return fmt.Sprintf(": match it first (qf match --round %s)", roundOf(err)) }},
	{is(site.ErrUnsupported), fixed("; publish it with qf export --format bundle (an Allo v2 round: or --format allo)")},
	// chain
	{is(chain.ErrNoRPC), fixed(" (--rpc or QF_RPC)")},
	{is(chain.ErrUnknownGap), fixed(" (the owner registers it with qf chain register-gap)")},
	{is(chain.ErrPending), fixed(": wait for them, or rerun with --replace to send this one in place of the oldest, with higher fees")},
	{is(chain.ErrTimeout), fixed(": check it, or rerun with --replace to send in its place")},
	{is(chain.ErrReplaceable), fixed(": pass --replace-root to post this round's root in its place")},
}

// advisedError is an error with what to do about it.
type advisedError struct {
	error
	advice string
}

func (e *advisedError) Error() string { return e.error.Error() + e.advice }
func (e *advisedError) Unwrap() error { return e.error }

// advise adds to err what to do about it on the command line, when
// [advices] knows.
func advise(err error) error {
	if err == nil {
		return nil
	}
	for _, a := range advices {
		if a.match(err) {
			return &advisedError{err, a.text(err)}
		}
	}
	return err
}
