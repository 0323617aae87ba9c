package ingest

import (
	"bytes"
	"sync"

	"github.com/qf-dev/qf/internal/par"
)

// Parts is a CSV contributions file cut into parts of whole lines that
// can be scanned at once, each on its own goroutine, by the same code as
// [Contributions]: together, in part order, they give exactly its rows
// (Line is the line in the file), and a part scans with an error where
// the whole file's scan would report one. What they do not check is that
// the file has a row: [Contributions] reports a file without any.
type Parts struct {
	file  string
	data  []byte
	opts  Options
	cols  contributionCols
	parts []fastChunk // start, end, lines (and base: lines before the part), once counted
	// header is the header's line; cores count the lines (count).
	header, cores int
	counted       sync.Once

	mu   sync.Mutex
	done []bool
	next int // parts before it are all done (for opts.Progress)
}

// PartBytes is the size [ContributionParts] cuts files into unless told
// otherwise: big enough that a part's own work is small, small enough
// that the cores finish together.
const PartBytes = 1 << 20

// ContributionParts cuts a CSV contributions file (its header on the
// first line) into parts of about size bytes (PartBytes when size is 0)
// that end at line ends; each part's lines are counted, on up to cores
// goroutines, when first asked for. It reports false for a file that is scanned whole (JSON, a
// header [Contributions] refuses or not on the first line, a line longer
// than [MaxLine], a file of 4 GiB or more).
func ContributionParts(file string, data []byte, opts Options, size, cores int) (*Parts, bool) {
	if size <= 0 {
		size = PartBytes
	}
	if isJSON(data) || len(data) >= 1<<32 {
		return nil, false
	}
	l := &lines{data: data}
	cols, err := contributionHeader(file, l)
	if err != nil || l.line != 1 {
		return nil, false
	}
	parts, ok := splitLines(data, l.pos, size)
	if !ok {
		return nil, false
	}
	return &Parts{file: file, data: data, opts: opts, cols: cols, parts: parts, header: l.line, cores: cores, done: make([]bool, len(parts))}, true
}

// count counts each part's lines, on every core, once.
func (p *Parts) count() {
	p.counted.Do(func() {
		par.Chunks(len(p.parts), 1, p.cores, func() func(int) {
			return func(k int) {
				c := &p.parts[k]
				c.lines = bytes.Count(p.data[c.start:c.end], []byte{'\n'})
				if p.data[c.end-1] != '\n' {
					c.lines++ // a last line without a newline
				}
			}
		})
		base := p.header
		for k := range p.parts {
			p.parts[k].base, base = base, base+p.parts[k].lines
		}
	})
}

// Len is the number of parts.
func (p *Parts) Len() int { return len(p.parts) }

// Lines is the number of lines part k spans, blank ones included: at
// least its rows.
func (p *Parts) Lines(k int) int {
	p.count()
	return p.parts[k].lines
}

// Scan calls fn with each row of part k, in order, as [Contributions]
// would (an error of fn stops it and is returned wrapped with the row's
// position). Parts may be scanned at once. Once the parts before it are
// done too, opts.Progress is told the end of the last part done.
func (p *Parts) Scan(k int, fn func(*Row) error) error {
	p.count()
	c := &p.parts[k]
	// (line counts from the part's first: the header's BOM is not looked
	// for again)
	l := &lines{data: p.data[c.start:c.end], line: c.base}
	if _, err := csvRows(p.file, l, p.cols, p.opts, fn, false); err != nil {
		return err
	}
	if p.opts.Progress != nil {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.done[k] = true
		moved := false
		for p.next < len(p.done) && p.done[p.next] {
			p.next, moved = p.next+1, true
		}
		if moved {
			p.opts.Progress(p.parts[p.next-1].end)
		}
	}
	return nil
}
