package ledger

import (
	"encoding/json"
	"time"

	"github.com/qf-dev/qf/store"
)

// ScheduleState is what the matching scheduler keeps across restarts.
type ScheduleState struct {
	LastMatch time.Time `json:"lastMatch"`
	// Anchor is the time matches are due from: at Anchor + k·period.
	// Zero in a state kept before anchors (the scheduler sets it).
	Anchor time.Time `json:"anchor,omitzero"`
}

// Schedule reads the scheduler's state; ok is false before the first
// match or stamp.
func (l *Ledger) Schedule() (ScheduleState, bool, error) {
	var st ScheduleState
	v, ok, err := l.s.Get(store.ScheduleKey)
	if err != nil || !ok {
		return st, ok, err
	}
	return st, true, json.Unmarshal(v, &st)
}

// SetSchedule stores the scheduler's state.
func (l *Ledger) SetSchedule(st ScheduleState) error {
	if err := l.s.Writable(); err != nil {
		return err
	}
	st.LastMatch, st.Anchor = st.LastMatch.UTC(), st.Anchor.UTC()
	v, err := json.Marshal(st)
	if err != nil {
		return err
	}
	b := l.s.NewBatch()
	defer b.Close()
	if err := b.Set(store.ScheduleKey, v, nil); err != nil {
		return err
	}
	if err := l.s.Apply(b, true); err != nil {
		return err
	}
	l.view.ver.Add(1) // a read cache showing the next match sees it moved
	return nil
}
