package store

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/cockroachdb/pebble/v2"

	"github.com/qf-dev/qf/calc"
)

var (
	// ErrAgentName reports a malformed agent name.
	ErrAgentName = errors.New("bad agent name")
	// ErrAgentExists reports adding an agent whose name is taken.
	ErrAgentExists = errors.New("agent already exists")
	// ErrBadKey reports an API key that matches no agent.
	ErrBadKey = errors.New("invalid API key")
	// ErrNoAgent reports an agent name that is not registered.
	ErrNoAgent = errors.New("no such agent")
	// ErrRevoked reports an agent whose key was revoked.
	ErrRevoked = errors.New("agent revoked")
)

// Agent is an account holder of the service. Only the hash of its API key
// is stored; the key itself is shown once, when the agent is added.
type Agent struct {
	Name    string    `json:"name"`
	Admin   bool      `json:"admin,omitempty"`
	KeyHash string    `json:"keyHash"` // hex SHA-256 of the key's secret part
	Created time.Time `json:"created"`
	// Rotated is when the key was last replaced; Revoked when it was
	// revoked (no key works for the agent again, and its name stays taken
	// so its account and journal are never another's).
	Rotated *time.Time `json:"rotated,omitempty"`
	Revoked *time.Time `json:"revoked,omitempty"`
}

// ValidAgentName accepts 1–64 characters of a–z, 0–9, '-' and '_'.
func ValidAgentName(name string) error {
	if name == "" || len(name) > 64 {
		return fmt.Errorf("%w: %q: want 1 to 64 characters", ErrAgentName, name)
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return fmt.Errorf("%w: %q: use only a-z, 0-9, '-' and '_'", ErrAgentName, name)
		}
	}
	return nil
}

// AddAgent creates an agent and returns its API key, NAME.SECRET with a
// 256-bit random secret. The key is not stored and cannot be shown again.
func (s *Store) AddAgent(name string, admin bool) (Agent, string, error) {
	if err := ValidAgentName(name); err != nil {
		return Agent{}, "", err
	}
	if err := calc.CheckDonorID(name); err != nil { // an agent's contributions name it as donor
		return Agent{}, "", fmt.Errorf("%w: %q could be taken for an address: %w", ErrAgentName, name, err)
	}
	sec, hash, err := newSecret()
	if err != nil {
		return Agent{}, "", err
	}
	a := Agent{Name: name, Admin: admin, KeyHash: hash, Created: time.Now().UTC()}
	v, err := json.Marshal(a)
	if err != nil {
		return a, "", err
	}
	if err := s.writable(); err != nil {
		return a, "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok, err := s.get(agentKey(name)); err != nil {
		return a, "", err
	} else if ok {
		return a, "", fmt.Errorf("%w: %s", ErrAgentExists, name)
	}
	if err := s.setLocked(agentKey(name), v); err != nil {
		return a, "", err
	}
	return a, name + "." + sec, nil
}

// newSecret returns a 256-bit random secret in hex and its hash.
func newSecret() (string, string, error) {
	var secret [32]byte
	if _, err := rand.Read(secret[:]); err != nil {
		return "", "", err
	}
	sec := hex.EncodeToString(secret[:])
	h := sha256.Sum256([]byte(sec))
	return sec, hex.EncodeToString(h[:]), nil
}

// Agent reads one agent; found is false if there is none by that name.
func (s *Store) Agent(name string) (a Agent, found bool, err error) {
	v, ok, err := s.get(agentKey(name))
	if err != nil || !ok {
		return a, false, err
	}
	return a, true, json.Unmarshal(v, &a)
}

// updateAgent applies fn to a stored, unrevoked agent and stores it.
func (s *Store) updateAgent(name string, fn func(*Agent)) (Agent, error) {
	if err := ValidAgentName(name); err != nil {
		return Agent{}, err
	}
	if err := s.writable(); err != nil {
		return Agent{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok, err := s.Agent(name)
	if err != nil {
		return a, err
	}
	if !ok {
		return a, fmt.Errorf("%w: %s", ErrNoAgent, name)
	}
	if a.Revoked != nil {
		return a, fmt.Errorf("%w: %s was revoked on %s; add an agent under a new name", ErrRevoked, name, a.Revoked.Format(time.RFC3339))
	}
	fn(&a)
	v, err := json.Marshal(a)
	if err != nil {
		return a, err
	}
	if err := s.setLocked(agentKey(name), v); err != nil {
		return a, err
	}
	return a, nil
}

// RotateAgent replaces an agent's key: the old one stops working and the
// new one, returned, is shown once. Balance and journal stay the agent's.
func (s *Store) RotateAgent(name string) (Agent, string, error) {
	sec, hash, err := newSecret()
	if err != nil {
		return Agent{}, "", err
	}
	a, err := s.updateAgent(name, func(a *Agent) {
		now := time.Now().UTC()
		a.KeyHash, a.Rotated = hash, &now
	})
	if err != nil {
		return a, "", err
	}
	return a, name + "." + sec, nil
}

// RevokeAgent revokes an agent's key for good: no key works for it again.
// Its balance stays in its account (no one can move it; a credit to it is
// refused), and its name stays taken.
func (s *Store) RevokeAgent(name string) (Agent, error) {
	return s.updateAgent(name, func(a *Agent) {
		now := time.Now().UTC()
		a.Revoked, a.KeyHash = &now, ""
	})
}

// Agents lists the agents in name order.
func (s *Store) Agents() ([]Agent, error) {
	it, err := s.rd.NewIter(&pebble.IterOptions{LowerBound: []byte{prefixAgent}, UpperBound: []byte{prefixAgent + 1}})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []Agent
	for it.First(); it.Valid(); it.Next() {
		var a Agent
		if err := json.Unmarshal(it.Value(), &a); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, it.Error()
}

// Authenticate returns the agent a key (NAME.SECRET) belongs to, comparing
// hashes in constant time. lookup finds an agent by name (a cache of
// [Store.Agents]).
func Authenticate(lookup func(name string) (Agent, bool), key string) (Agent, error) {
	name, sec, ok := strings.Cut(key, ".")
	a, known := lookup(name)
	if !ok || !known {
		// Hash anyway so an unknown name takes as long as a wrong secret.
		sha256.Sum256([]byte(sec))
		return Agent{}, ErrBadKey
	}
	h := sha256.Sum256([]byte(sec))
	want, err := hex.DecodeString(a.KeyHash)
	if err != nil || a.Revoked != nil || len(want) != len(h) || subtle.ConstantTimeCompare(h[:], want) != 1 {
		return Agent{}, ErrBadKey
	}
	return a, nil
}
