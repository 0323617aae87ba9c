package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/qf-dev/qf/internal/par"
)

// Parts is a CSV contributions file cut into parts of whole lines that
// can be scanned at once, each on its own goroutine, by the same code as
// [Contributions]: together, in part order, they give exactly its rows
// (Line is the line in the file), and a part scans with an error where
// the whole file's scan would report one. What they do not check is that
// the file has a row: [Contributions] reports a file without any.
//
// Each part is read (io.ReaderAt) into a buffer of its own goroutine
// when it is scanned, and read again for each scan: a buffer reused part
// after part stays in the core's cache, where a mapped file costs a page
// fault every few KiB on its first read.
type Parts struct {
	file  string
	src   io.ReaderAt
	opts  Options
	cols  contributionCols
	parts []fastChunk // start, end, lines (and base: lines before the part), once counted
	// header is the header's line; cores count the lines (count).
	header, cores int
	counted       sync.Once
	countErr      error
	bufs          sync.Pool // *[]byte of a part's size

	mu   sync.Mutex
	done []bool
	next int // parts before it are all done (for opts.Progress)
}

// PartBytes is the size [ContributionParts] cuts files into unless told
// otherwise: big enough that a part's own work is small, small enough
// that the cores finish together and a part stays in a core's cache.
const PartBytes = 1 << 20

// ContributionParts is [ContributionPartsAt] for a file held in memory.
func ContributionParts(file string, data []byte, opts Options, size, cores int) (*Parts, bool) {
	return ContributionPartsAt(file, bytes.NewReader(data), int64(len(data)), opts, size, cores)
}

// ContributionPartsAt cuts a CSV contributions file of n bytes read from
// src (its header on the first line) into parts of about size bytes
// (PartBytes when size is 0) that end at line ends; each part's lines
// are counted, on up to cores goroutines, when first asked for. It
// reports false for a file that is scanned whole (JSON, a header
// [Contributions] refuses or not on the first line, a line longer than
// [MaxLine], a file of 4 GiB or more, a read error).
func ContributionPartsAt(file string, src io.ReaderAt, n int64, opts Options, size, cores int) (*Parts, bool) {
	if size <= 0 {
		size = PartBytes
	}
	if n >= 1<<32 || n <= 0 {
		return nil, false
	}
	head, err := readAt(src, 0, int(min(n, 2*MaxLine+8)))
	if err != nil || isJSON(head) {
		return nil, false
	}
	l := &lines{data: head}
	cols, err := contributionHeader(file, l)
	if err != nil || l.line != 1 || (int64(len(head)) < n && bytes.IndexByte(head, '\n') < 0) {
		return nil, false // (a first line past head is too long: refused)
	}
	parts, ok := splitAt(src, int(n), l.pos, size)
	if !ok {
		return nil, false
	}
	p := &Parts{file: file, src: src, opts: opts, cols: cols, parts: parts, header: l.line, cores: cores, done: make([]bool, len(parts))}
	p.bufs.New = func() any { b := make([]byte, 0, size+MaxLine+1); return &b }
	return p, true
}

// readAt reads n bytes of src at off.
func readAt(src io.ReaderAt, off int64, n int) ([]byte, error) {
	b := make([]byte, n)
	k, err := src.ReadAt(b, off)
	if k == n {
		return b, nil
	}
	return nil, err
}

// errShortRead reports a part that could not be read whole.
var errShortRead = errors.New("the file changed while it was read")

// splitAt is splitLines for a file of n bytes read from src.
func splitAt(src io.ReaderAt, n, from, size int) ([]fastChunk, bool) {
	var out []fastChunk
	for start := from; start < n; {
		end := min(start+size, n)
		if end < n {
			window, err := readAt(src, int64(end), min(n-end, MaxLine+1))
			if err != nil {
				return nil, false
			}
			if i := bytes.IndexByte(window, '\n'); i >= 0 {
				end += i + 1
			} else if n-end > MaxLine {
				return nil, false
			} else {
				end = n
			}
		}
		out = append(out, fastChunk{start: start, end: end})
		start = end
	}
	return out, true
}

// read reads part k into a buffer of the pool, to give back with put.
func (p *Parts) read(k int) (*[]byte, []byte, error) {
	c := &p.parts[k]
	b := p.bufs.Get().(*[]byte)
	data := (*b)[:0]
	if cap(data) < c.end-c.start {
		data = make([]byte, 0, c.end-c.start)
	}
	data = data[:c.end-c.start]
	*b = data
	k2, err := p.src.ReadAt(data, int64(c.start))
	if k2 != len(data) {
		p.bufs.Put(b)
		return nil, nil, fmt.Errorf("%w: %v", errShortRead, err)
	}
	return b, data, nil
}

// count counts each part's lines, on every core, once.
func (p *Parts) count() error {
	p.counted.Do(func() {
		errs := make([]error, len(p.parts))
		par.Chunks(len(p.parts), 1, p.cores, func() func(int) {
			return func(k int) {
				b, data, err := p.read(k)
				if err != nil {
					errs[k] = err
					return
				}
				c := &p.parts[k]
				c.lines = bytes.Count(data, []byte{'\n'})
				if data[len(data)-1] != '\n' {
					c.lines++ // a last line without a newline
				}
				p.bufs.Put(b)
			}
		})
		p.countErr = errors.Join(errs...)
		base := p.header
		for k := range p.parts {
			p.parts[k].base, base = base, base+p.parts[k].lines
		}
	})
	return p.countErr
}

// Len is the number of parts.
func (p *Parts) Len() int { return len(p.parts) }

// Size is the bytes of all the parts: the file's, but for its header.
func (p *Parts) Size() int64 {
	if len(p.parts) == 0 {
		return 0
	}
	return int64(p.parts[len(p.parts)-1].end - p.parts[0].start)
}

// Lines is the number of lines part k spans, blank ones included: at
// least its rows (0 for every part if the file could not be read).
func (p *Parts) Lines(k int) int {
	if p.count() != nil {
		return 0
	}
	return p.parts[k].lines
}

// Scan calls fn with each row of part k, in order, as [Contributions]
// would (an error of fn stops it and is returned wrapped with the row's
// position). Parts may be scanned at once. Once the parts before it are
// done too, opts.Progress is told the end of the last part done.
func (p *Parts) Scan(k int, fn func(*Row) error) error {
	if err := p.count(); err != nil {
		return err
	}
	b, data, err := p.read(k)
	if err != nil {
		return err
	}
	defer p.bufs.Put(b)
	// (line counts from the part's first: the header's BOM is not looked
	// for again)
	l := &lines{data: data, line: p.parts[k].base}
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
