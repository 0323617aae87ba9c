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
)

// Agent is an account holder of the service. Only the hash of its API key
// is stored; the key itself is shown once, when the agent is added.
type Agent struct {
	Name    string    `json:"name"`
	Admin   bool      `json:"admin,omitempty"`
	KeyHash string    `json:"keyHash"` // hex SHA-256 of the key's secret part
	Created time.Time `json:"created"`
}

func agentKey(name string) []byte { return append([]byte{'A'}, name...) }

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
	var secret [32]byte
	if _, err := rand.Read(secret[:]); err != nil {
		return Agent{}, "", err
	}
	sec := hex.EncodeToString(secret[:])
	h := sha256.Sum256([]byte(sec))
	a := Agent{Name: name, Admin: admin, KeyHash: hex.EncodeToString(h[:]), Created: time.Now().UTC()}
	v, err := json.Marshal(a)
	if err != nil {
		return a, "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok, err := s.get(agentKey(name)); err != nil {
		return a, "", err
	} else if ok {
		return a, "", fmt.Errorf("%w: %s", ErrAgentExists, name)
	}
	return a, name + "." + sec, s.db.Set(agentKey(name), v, pebble.Sync)
}

// Agents lists the agents in name order.
func (s *Store) Agents() ([]Agent, error) {
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: []byte{'A'}, UpperBound: []byte{'A' + 1}})
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
	if err != nil || subtle.ConstantTimeCompare(h[:], want) != 1 {
		return Agent{}, ErrBadKey
	}
	return a, nil
}
