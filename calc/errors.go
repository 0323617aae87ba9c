package calc

import (
	"errors"
	"strings"
)

var (
	// ErrAmount reports an amount that is not a decimal integer in range.
	ErrAmount = errors.New("bad amount")
	// ErrZeroAmount reports a contribution of zero, which has no meaning in a round.
	ErrZeroAmount = errors.New("amount must be greater than zero")
	// ErrNegative reports a negative amount.
	ErrNegative = errors.New("amount must not be negative")
	// ErrOverflow reports a value or sum above 2^256-1.
	ErrOverflow = errors.New("exceeds 2^256-1")
	// ErrInexact reports a decimal amount that the token's decimals cannot hold exactly.
	ErrInexact = errors.New("not exactly representable")
	// ErrGap reports a gap id that is not a uint256.
	ErrGap = errors.New("bad gap id")
	// ErrUnknownGap reports a contribution to a gap that is not in the registry.
	ErrUnknownGap = errors.New("unknown gap")
	// ErrDuplicateGap reports a gap listed twice in a registry.
	ErrDuplicateGap = errors.New("duplicate gap")
	// ErrDonor reports an empty or over-long donor id.
	ErrDonor = errors.New("bad donor")
	// ErrWeight reports a weight or score that cannot be used.
	ErrWeight = errors.New("bad weight")
	// ErrMechanism reports an unknown mechanism.
	ErrMechanism = errors.New("unknown mechanism")
	// ErrParam reports a missing, unknown or out-of-range mechanism parameter.
	ErrParam = errors.New("bad parameter")
	// ErrPrecision reports a round whose fixed-point result cannot be
	// guaranteed within 10^-9 of the pool (amounts spanning a vast range).
	ErrPrecision = errors.New("precision")
	// ErrNotPool reports a pool computation asked of coordinated QF,
	// which has pledges and no pool.
	ErrNotPool = errors.New("not a pool mechanism")
	// ErrBaseUnits reports an amount with a decimal point where amounts are
	// integers in base units (wrapped with [ErrAmount]).
	ErrBaseUnits = errors.New("has a decimal point, but these amounts are integers in base units")
	// ErrCap reports a --cap-bps outside 1..10000.
	ErrCap = errors.New("cap must be between 1 and 10000 basis points")
)

// MissingParamError reports a mechanism parameter the round needs and was
// not given (wrapped with [ErrParam]).
type MissingParamError struct {
	Mechanism, Name string
	// Value is a placeholder for the value (N, S) and What says what it is.
	Value, What string
}

func (e *MissingParamError) Error() string {
	return e.Mechanism + " needs the parameter " + e.Name + "=" + e.Value + " (" + e.What + ")"
}

// PoolSettingsError reports pool settings given to coordinated QF, which
// has no matching pool (wrapped with [ErrParam]).
type PoolSettingsError struct {
	// Settings are the settings' names: pool, cap-bps, no-upscale,
	// min-amount, score-scale.
	Settings []string
}

func (e *PoolSettingsError) Error() string {
	verb := " does not apply"
	if len(e.Settings) > 1 {
		verb = " do not apply"
	}
	return CQFName + " has no matching pool, so " + strings.Join(e.Settings, ", ") + verb
}
