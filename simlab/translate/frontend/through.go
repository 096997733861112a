package main

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// A sub-slice passed to a call that writes its elements and keeps nothing of it
// (mergeSort(s[:mid]), copy(s[i+1:], s[i:]), sort.Ints(s[1:]), r.Read(buf[n:]))
// shares its backing array with s in Go, where the translation's sub-slice is a
// copy. Such a call is rendered go.through(s, lo, hi, lambda _sub: call(_sub)):
// the call is given the copy, whose elements are written back into s when it
// returns. That is exact where nothing else can see s while the call runs: the
// callee never blocks (no other goroutine runs before it returns), and nothing but
// the copy reaches s's backing array meanwhile: no other operand of the call (a
// sort.Slice whose less function reads s would read the elements unsorted), and
// no variable the callee uses but did not declare (see reachedIn).

// throughLibrary: the library's calls that write the elements of one argument and
// keep nothing of it, and which argument. copy's source may be of the same backing
// array: the copy it is given is read as Go's copy reads, as if first moved aside.
var throughLibrary = map[string]int{
	"copy": 0, "clear": 0,
	"sort.Ints": 0, "sort.Strings": 0, "sort.Float64s": 0, "sort.Slice": 0, "sort.SliceStable": 0,
	"slices.Sort": 0, "slices.SortFunc": 0, "slices.SortStableFunc": 0, "slices.Reverse": 0,
	"encoding/hex.Encode": 0, "encoding/hex.Decode": 0,
	"encoding/binary.PutUvarint": 0, "encoding/binary.PutVarint": 0,
	"unicode/utf8.EncodeRune": 0,
}

// throughMethods: the library's methods that write the elements of one argument
// and keep nothing of it, and which argument.
var throughMethods = map[string]int{
	"strings.Reader.Read": 0, "bytes.Reader.Read": 0, "bytes.Buffer.Read": 0,
	"encoding/binary.ByteOrder.PutUint16": 0, "encoding/binary.ByteOrder.PutUint32": 0, "encoding/binary.ByteOrder.PutUint64": 0,
	"encoding/binary.bigEndian.PutUint16": 0, "encoding/binary.bigEndian.PutUint32": 0,
	"encoding/binary.bigEndian.PutUint64": 0, "encoding/binary.littleEndian.PutUint16": 0,
	"encoding/binary.littleEndian.PutUint32": 0, "encoding/binary.littleEndian.PutUint64": 0,
	"encoding/base64.Encoding.Encode": 0, "encoding/base64.Encoding.Decode": 0,
	"math/big.Int.FillBytes": 0,
}

// throughReaders: the library's calls that read into one argument, and which, and
// may block meanwhile in the program's reader; a sub-slice of a local array goes
// through them (see quietArray), and any sub-slice in a program where no reader
// blocks, unless a Read method of the program's uses its array (readMethodsReach).
var throughReaders = map[string]int{"io.ReadFull": 1, "io.ReadAtLeast": 1, "io.Reader.Read": 0, "io.PipeReader.Read": 0, "net.Conn.Read": 0,
	"encoding/binary.Read":  2,
	"io.LimitedReader.Read": 0}

// quietArray: v is an array variable of a function that no function literal but
// its own uses and whose address, or an element's, is never taken: while one of
// its goroutines blocks, no other goroutine can reach its elements.
func (m *module) quietArray(v types.Object) bool {
	if _, ok := v.(*types.Var); !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	if _, ok := under(v.Type()).(*types.Array); !ok {
		return false
	}
	quiet := true
	for _, file := range m.p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				if usesObj(m.p, n.Body, v) && (v.Pos() < n.Pos() || v.Pos() >= n.End()) {
					quiet = false
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && rootObj(m.p, n.X) == v {
					quiet = false
				}
			}
			return quiet
		})
	}
	return quiet
}

// findThroughArgs records the sub-slices rendered through go.through, in
// m.through, and returns the sub-slices given to a parameter its function reads
// where it stands without writing it (inPlaceParams), whose copy reads the same.
func (m *module) findThroughArgs(readParams map[*types.Var]bool, aliases *sliceAliases) map[ast.Expr]bool {
	p := m.p
	m.through = map[*ast.SliceExpr]bool{}
	m.throughGrown = map[*ast.SliceExpr]int{}
	readIn := map[ast.Expr]bool{}
	inPlace, written := m.inPlaceParams(readParams)
	grown := m.grownParams()
	dropped := map[*ast.CallExpr]bool{} // f(s[:0]) whose result goes nowhere, or back into s
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.ExprStmt:
				if c, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
					dropped[c] = true
				}
			case *ast.AssignStmt:
				if c, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok && len(n.Lhs) == 1 && len(n.Rhs) == 1 && n.Tok == token.ASSIGN {
					for _, a := range c.Args {
						if se, ok := ast.Unparen(a).(*ast.SliceExpr); ok && sameVar(p, n.Lhs[0], se.X) {
							dropped[c] = true
						}
					}
				}
			}
			return true
		})
	}
	deferred := map[*ast.CallExpr]bool{} // defer f(s[:k]): the call runs later
	started := map[*ast.CallExpr]bool{}  // go f(s[:k]): in a goroutine of its own
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt:
				started[n.Call] = true
			case *ast.DeferStmt:
				deferred[n.Call] = true
			}
			return true
		})
	}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok || deferred[c] || c.Ellipsis.IsValid() {
				return true
			}
			writes, reads, callee := m.argsInPlace(c, inPlace, written)
			grows := map[int]int{} // the arguments a function of the program appends to: its result's index
			if fn, ok := p.info.Uses[identOf(ast.Unparen(c.Fun))].(*types.Func); ok && dropped[c] && !started[c] && len(writes) == 0 {
				if u := m.a.byFunc[fn.Origin()]; u != nil && !u.gen {
					for i := range min(len(c.Args), u.sig.Params().Len()) {
						if at, ok := grown[u.sig.Params().At(i)]; ok {
							writes, grows[i], callee = append(writes, i), at, u
						}
					}
				}
			}
			if started[c] {
				// go f(s[lo:hi]) of a function of the program: its goroutine takes the
				// copy and writes it back in the one step it runs (go.through_call)
				if _, isLib := throughLibrary[calleeName(p, c)]; isLib || len(writes) != 1 {
					return true
				}
				reads = nil
			}
			for _, at := range reads {
				readIn[ast.Unparen(c.Args[at])] = true
			}
			for _, at := range writes {
				se, ok := ast.Unparen(c.Args[at]).(*ast.SliceExpr)
				if !ok || se.Slice3 {
					continue
				}
				switch t := under(p.info.TypeOf(se.X)).(type) {
				case *types.Slice, *types.Array:
				case *types.Pointer: // p[1:] of a p *[8]byte: the array it points to
					if _, isArray := under(t.Elem()).(*types.Array); !isArray {
						continue
					}
				default:
					continue // a string's sub-slice is a string
				}
				root := aliases.find(aliases.source(se.X))
				if root == nil {
					root = p.info.ObjectOf(identOf(ast.Unparen(se.X))) // an array
				}
				copySource := calleeName(p, c) == "copy"
				shared := false
				for j, arg := range c.Args {
					if j != at && !(copySource && j == 1) && !readValue(p, arg) && !m.readingCall(arg, root, aliases, readParams) &&
						reaches(p, aliases, arg, root) {
						shared = true
					}
					if j != at && m.funcValueReaches(arg, root, aliases) {
						shared = true // isort(xs[1:], less) of a less closure that reads xs
					}
				}
				if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && reaches(p, aliases, sel.X, root) {
					shared = true // g.shift(g.cells[0:2]): the receiver reaches it
				}
				if callee != nil && m.reachedIn(callee, root, aliases, map[*unit]bool{}) {
					shared = true // the callee reads data[1] while it writes data[1:3]'s copy
				}
				if m.readerCall(c) && !m.a.pipes && m.readMethodsReach(root, aliases) {
					shared = true // an io.Reader of the program's whose Read reads the array itself
				}
				if !shared && (!m.readerCall(c) || !m.a.pipes || m.quietArray(p.info.Uses[identOf(ast.Unparen(se.X))])) {
					m.through[se] = true
					if k, ok := grows[at]; ok {
						m.throughGrown[se] = k
					}
				}
			}
			return true
		})
	}
	return readIn
}

// readMethodsReach: a Read method of the program's, which a reader's call
// through an io.Reader may run, uses a variable of the backing array group root.
func (m *module) readMethodsReach(root any, aliases *sliceAliases) bool {
	for fn, u := range m.a.byFunc {
		if fn.Name() == "Read" && fn.Type().(*types.Signature).Recv() != nil && m.reachedIn(u, root, aliases, map[*unit]bool{}) {
			return true
		}
	}
	return false
}

// argsInPlace: the arguments of c that a call writing the elements of one and
// keeping nothing of it writes, the library's (throughLibrary) or a written slice
// parameter's of a function of the program that never blocks (inPlaceParams); and
// those it only reads where they stand; and the function of the program called.
func (m *module) argsInPlace(c *ast.CallExpr, inPlace, written map[*types.Var]bool) (writes, reads []int, callee *unit) {
	p := m.p
	if at, ok := throughLibrary[calleeName(p, c)]; ok && at < len(c.Args) {
		return []int{at}, nil, nil
	}
	if m.readerCall(c) {
		return []int{throughReaders[m.readerKey(c)]}, nil, nil
	}
	if at := m.boundWriter(c); at >= 0 {
		return []int{at}, nil, nil
	}
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		if s := p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			if at, ok := throughMethods[methodKey(s.Obj().(*types.Func))]; ok && at < len(c.Args) {
				return []int{at}, nil, nil
			}
		}
	}
	var u *unit
	if lit, ok := ast.Unparen(c.Fun).(*ast.FuncLit); ok {
		u = m.a.byLit[lit] // go func(part []int) { ... }(data[lo:hi])
	} else if fn, ok := p.info.Uses[identOf(ast.Unparen(c.Fun))].(*types.Func); ok {
		u = m.a.byFunc[fn.Origin()]
	}
	if u == nil || u.gen && !m.forkJoin[u] {
		return nil, nil, nil
	}
	params := u.sig.Params()
	for i := range c.Args {
		if i >= params.Len() || u.sig.Variadic() && i == params.Len()-1 || !inPlace[params.At(i)] {
			continue
		}
		if written[params.At(i)] {
			writes = append(writes, i)
		} else {
			reads = append(reads, i)
		}
	}
	return writes, reads, u
}

// boundWriter: for a call of a local variable declared with one of the library's
// calls that write the elements of one argument as its value, and never assigned
// again (put := binary.BigEndian.PutUint32), that argument, which the call writes
// as the library's call does where it stands (put(b[4:], 2)); -1 for any other.
func (m *module) boundWriter(c *ast.CallExpr) int {
	m.findWriterValues()
	key, ok := "", false
	if id, isIdent := ast.Unparen(c.Fun).(*ast.Ident); isIdent {
		key, ok = m.boundWriters[m.p.info.Uses[id]]
	}
	if sig := m.p.funcValueCalled(c); !ok && sig != nil {
		// c.put(b[4*i:], v) of a field that only the library's writers fill: every
		// function value of its type the program makes is one
		for _, w := range m.writerValues {
			if sameSignature(w.sig, sig) {
				key, ok = w.key, true
			}
		}
		for _, o := range m.otherFuncValues {
			if sameSignature(o, sig) {
				return -1
			}
		}
	}
	if !ok {
		return -1
	}
	for _, calls := range []map[string]int{throughLibrary, throughMethods} {
		if at, ok := calls[key]; ok && at < len(c.Args) {
			return at
		}
	}
	return -1
}

// writerValue: the key of the library's call that writes the elements of an
// argument (throughLibrary, throughMethods) that e names as a value, or "".
func (m *module) writerValue(e ast.Expr) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	key := ""
	if s := m.p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
		key = methodKey(s.Obj().(*types.Func))
	} else if fn, ok := m.p.info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && !m.p.ours(fn.Pkg()) {
		key = fn.Pkg().Path() + "." + fn.Name()
	}
	if _, ok := throughLibrary[key]; ok {
		return key
	}
	if _, ok := throughMethods[key]; ok {
		return key
	}
	return ""
}

// findWriterValues finds, once, the library's writers the program takes as values
// (not called where they stand): those a local variable is declared with and keeps
// (boundWriters), and the signatures of the others (writerValues), whose calls
// through a function value of that type write their slice arguments.
func (m *module) findWriterValues() {
	if m.boundWriters != nil {
		return
	}
	p := m.p
	m.boundWriters = map[types.Object]string{}
	bound := map[ast.Expr]bool{}
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if a, ok := n.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
				for i, l := range a.Lhs {
					v := p.info.Defs[identOf(l)]
					if key := m.writerValue(a.Rhs[i]); key != "" && v != nil && m.a.assigns[v] == 0 && !m.p.addressTaken(v) {
						m.boundWriters[v] = key
						bound[a.Rhs[i]] = true
					}
				}
			}
			return true
		})
	}
	called := map[ast.Expr]bool{} // and the names of selectors
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				called[ast.Unparen(x.Fun)] = true
			case *ast.SelectorExpr:
				called[x.Sel] = true // a name the selector is, not a value of its own
			}
			e, ok := n.(ast.Expr)
			if !ok || called[e] || bound[e] {
				return true
			}
			sig, ok := p.info.TypeOf(e).(*types.Signature)
			if !ok {
				return true
			}
			var obj types.Object
			switch x := e.(type) {
			case *ast.FuncLit:
				m.otherFuncValues = append(m.otherFuncValues, sig)
			case *ast.SelectorExpr:
				if key := m.writerValue(x); key != "" {
					m.writerValues = append(m.writerValues, writerValue{key, sig})
				} else if binaryReader(p, x) {
					m.readerValues = append(m.readerValues, sig)
				} else {
					obj = p.info.Uses[x.Sel]
				}
			case *ast.Ident:
				obj = p.info.Uses[x]
			}
			if _, isFunc := obj.(*types.Func); isFunc {
				m.otherFuncValues = append(m.otherFuncValues, sig) // f := strings.ToUpper, h := s.handle
			}
			return true
		})
	}
}

// binaryReader: e names encoding/binary's decoding of a number, a byte order's
// Uint32 or Uvarint, which only reads its slice in the one step it takes.
func binaryReader(p *program, e *ast.SelectorExpr) bool {
	fn, ok := p.info.Uses[e.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "encoding/binary" {
		return false
	}
	return strings.HasPrefix(fn.Name(), "Uint") || fn.Name() == "Uvarint" || fn.Name() == "Varint"
}

// onlyReaders: every function value of type sig the program makes is one of
// encoding/binary's decoders (get(b[4:]) of a get := binary.BigEndian.Uint32).
func (m *module) onlyReaders(sig *types.Signature) bool {
	m.findWriterValues()
	found := false
	for _, r := range m.readerValues {
		found = found || sameSignature(r, sig)
	}
	for _, w := range m.writerValues {
		found = found && !sameSignature(w.sig, sig)
	}
	for _, o := range m.otherFuncValues {
		found = found && !sameSignature(o, sig)
	}
	return found
}

// writerValue: one of the library's writers taken as a value, and its type.
type writerValue struct {
	key string
	sig *types.Signature
}

// sameSignature: a and b are one function type, a method value's too.
func sameSignature(a, b *types.Signature) bool {
	plain := func(s *types.Signature) *types.Signature {
		return types.NewSignatureType(nil, nil, nil, s.Params(), s.Results(), s.Variadic())
	}
	return types.Identical(plain(a), plain(b))
}

// mayBeWriter: a function value of type sig may be one of the library's writers
// the program takes as a value (see findWriterValues).
func (m *module) mayBeWriter(sig *types.Signature) bool {
	m.findWriterValues()
	for _, w := range m.writerValues {
		if sameSignature(w.sig, sig) {
			return true
		}
	}
	return false
}

// dynamicWrites: the arguments of c, a call through an interface, a func value or
// a method expression, whose elements a function of the program the call may run
// writes (e.Encrypt(buf[2:4]) of a Cipher whose Caesar shifts its bytes in place,
// f(a[1:]) of an f := swap): in Go the caller's array takes those writes.
func (m *module) dynamicWrites(c *ast.CallExpr, written map[*types.Var]bool) []int {
	p := m.p
	sig, _ := under(p.info.TypeOf(c.Fun)).(*types.Signature)
	if sig == nil || p.info.Types[c.Fun].IsType() || !slices.ContainsFunc(c.Args, func(a ast.Expr) bool { return isSliceType(p.info.TypeOf(a)) }) {
		return nil // no slice to write
	}
	byName := func(name string) (us []*unit) {
		for _, u := range m.a.units {
			if u.decl != nil && u.decl.Recv != nil && u.decl.Name.Name == name {
				us = append(us, u)
			}
		}
		return us
	}
	bySignature := func() (us []*unit) {
		for _, u := range m.a.units {
			if u.sig != nil && sameSignature(u.sig, sig) {
				us = append(us, u)
			}
		}
		return us
	}
	var candidates []*unit
	shift := 0 // T.M(recv, args...): the receiver first
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.FuncLit:
		return nil
	case *ast.Ident:
		switch p.info.Uses[f].(type) {
		case *types.Func, *types.Builtin, nil:
			return nil // a call the analysis follows by name (argsInPlace)
		}
		candidates = bySignature()
	case *ast.SelectorExpr:
		s := p.info.Selections[f]
		switch {
		case s != nil && s.Kind() == types.MethodExpr:
			candidates, shift = byName(f.Sel.Name), 1
		case s != nil && s.Kind() == types.MethodVal && types.IsInterface(s.Recv()):
			candidates = byName(f.Sel.Name)
		case s != nil && s.Kind() == types.FieldVal:
			candidates = bySignature() // a func field
		default:
			return nil
		}
	default:
		candidates = bySignature() // funcs[i](b), f()(b)
	}
	var at []int
	for i, a := range c.Args {
		if !isSliceType(p.info.TypeOf(a)) {
			continue
		}
		for _, u := range candidates {
			j := i - shift
			if u.body == nil || j < 0 || j >= u.sig.Params().Len() {
				continue
			}
			if v := u.sig.Params().At(j); isSliceType(v.Type()) && writesParam(p, m, u.body, v, written) {
				at = append(at, i)
				break
			}
		}
	}
	return at
}

// addressTaken: the program takes &v.
func (p *program) addressTaken(v types.Object) bool {
	taken := false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND && rootObj(p, u.X) == v {
				taken = true
			}
			return !taken
		})
	}
	return taken
}

// readerKey: the name throughReaders knows c's callee by, or "".
func (m *module) readerKey(c *ast.CallExpr) string {
	if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
		if s := m.p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			return methodKey(s.Obj().(*types.Func))
		}
	}
	return calleeName(m.p, c)
}

// readerCall: c is one of throughReaders', with the argument it reads into.
func (m *module) readerCall(c *ast.CallExpr) bool {
	at, ok := throughReaders[m.readerKey(c)]
	return ok && at < len(c.Args)
}

// A function that waits for goroutines it starts on parts of its slice parameter
// (a parallel merge sort: go func() { defer wg.Done(); sortInto(s[:mid]) }(),
// sortInto(s[mid:]), wg.Wait(), then merge) blocks, but goes through as one that
// does not: its goroutines and it synchronize only with one another, through a
// WaitGroup of its own that it waits on before it returns, so in a program
// without data races no other goroutine reads or writes its part of the array
// while its copy stands in, and its goroutines write their copies back into its
// copy before it returns. forkJoins finds such functions: each blocks only in
// its WaitGroup's Wait and in calls of such functions, starts goroutines only as
// function literals that do no more than call such functions and non-blocking
// ones and mark their WaitGroup done, and waits after the last of them.
func (m *module) forkJoins() map[*unit]bool {
	set := map[*unit]bool{}
	quietDyn := func(u *unit) bool { // its calls of function values never block (a less function)
		for _, f := range u.dyn {
			if strings.HasPrefix(f, "lit:") || m.a.genFamily(f) {
				return false
			}
		}
		return true
	}
	for _, u := range m.a.units {
		if u.gen && u.decl != nil && u.body != nil && quietDyn(u) && len(u.stdCalls) == 0 {
			set[u] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for u := range set {
			if !m.joinsItsOwn(u, set) {
				delete(set, u)
				changed = true
			}
		}
	}
	return set
}

// joinsItsOwn: u waits only for goroutines of its own (see forkJoins), given the
// other functions of set.
func (m *module) joinsItsOwn(u *unit, set map[*unit]bool) bool {
	p := m.p
	own := func(x ast.Expr) bool { // a WaitGroup variable u declares
		obj := rootObj(p, x)
		_, isIdent := ast.Unparen(x).(*ast.Ident)
		return isIdent && obj != nil && isNamed(obj.Type(), "sync", "WaitGroup") &&
			obj.Pos() >= u.body.Pos() && obj.Pos() < u.body.End()
	}
	// calm: n synchronizes with nothing but u's WaitGroups (waits, too, if wait)
	calm := func(n ast.Node, wait bool) bool {
		ok := true
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.SendStmt, *ast.SelectStmt, *ast.GoStmt:
				ok = false
			case *ast.UnaryExpr:
				ok = ok && x.Op != token.ARROW
			case *ast.RangeStmt:
				_, overChan := under(p.info.TypeOf(x.X)).(*types.Chan)
				ok = ok && !overChan
			case *ast.FuncLit:
				if lu := m.a.byLit[x]; lu == nil || lu.gen {
					ok = false
				}
				return false
			case *ast.CallExpr:
				if sel, isSel := ast.Unparen(x.Fun).(*ast.SelectorExpr); isSel {
					if s := p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
						fn := s.Obj().(*types.Func)
						if fn.Pkg() != nil && (fn.Pkg().Path() == "sync" || fn.Pkg().Path() == "sync/atomic") {
							name := fn.Name()
							ok = ok && own(sel.X) && (name == "Done" && !wait || name == "Add" || name == "Wait" && wait)
							return ok
						}
					}
				}
				if fn, isFn := p.info.Uses[identOf(ast.Unparen(x.Fun))].(*types.Func); isFn && fn.Pkg() != nil {
					if cu := m.a.byFunc[fn.Origin()]; cu != nil {
						ok = ok && (!cu.gen || set[cu])
					} else if !p.ours(fn.Pkg()) {
						switch strings.SplitN(fn.Pkg().Path(), "/", 2)[0] {
						case "sync", "time", "context", "runtime", "os", "io", "net", "testing", "golang.org":
							ok = false // may block, or synchronize
						}
					}
				} else if b, isBuiltin := p.info.Uses[identOf(ast.Unparen(x.Fun))].(*types.Builtin); isBuiltin {
					ok = ok && b.Name() != "close"
				} else if tv := p.info.Types[x.Fun]; !tv.IsType() && m.a.genFamily(familyOf(p, tv.Type)) {
					ok = false // a function value of a type some function of which blocks
				}
			}
			return ok
		})
		return ok
	}
	goStmts := func(n ast.Node) []*ast.GoStmt { // its go statements, not its closures'
		var starts []*ast.GoStmt
		ast.Inspect(n, func(n ast.Node) bool {
			if g, ok := n.(*ast.GoStmt); ok {
				starts = append(starts, g)
			}
			_, lit := n.(*ast.FuncLit)
			return !lit
		})
		return starts
	}
	var joins func(list []ast.Stmt) bool
	joins = func(list []ast.Stmt) bool {
		lastGo, waited := -1, false
		for i, st := range list {
			if ifs, ok := st.(*ast.IfStmt); ok && len(goStmts(ifs)) > 0 {
				// if depth > 0 { go ...; go ...; wg.Wait() } else { sequential }:
				// each branch forks and joins on its own
				if ifs.Init != nil && !calm(ifs.Init, true) || !calm(ifs.Cond, true) || !joins(ifs.Body.List) {
					return false
				}
				switch e := ifs.Else.(type) {
				case *ast.BlockStmt:
					if !joins(e.List) {
						return false
					}
				case *ast.IfStmt:
					if !joins([]ast.Stmt{e}) {
						return false
					}
				}
				continue
			}
			if !joinsStep(st, i, &lastGo, &waited, calm, own, goStmts) {
				return false
			}
		}
		return lastGo < 0 || waited
	}
	return joins(u.body.List)
}

// joinsStep is joinsItsOwn's check of st, the i-th statement of its block: the
// goroutines it starts do no more than calm calls and mark their WaitGroup done,
// and a statement that starts none is calm; a wait on an own WaitGroup after the
// last start sets waited.
func joinsStep(st ast.Stmt, i int, lastGo *int, waited *bool, calm func(ast.Node, bool) bool,
	own func(ast.Expr) bool, goStmts func(ast.Node) []*ast.GoStmt) bool {
	starts := goStmts(st)
	for _, g := range starts {
		lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
		if !ok || len(g.Call.Args) > 0 {
			return false
		}
		for _, cs := range lit.Body.List {
			if d, isDefer := cs.(*ast.DeferStmt); isDefer {
				cs = &ast.ExprStmt{X: d.Call} // defer wg.Done()
			}
			if !calm(cs, false) {
				return false
			}
		}
		*lastGo, *waited = i, false
	}
	if len(starts) == 0 && !calm(st, true) {
		return false
	}
	if es, ok := st.(*ast.ExprStmt); ok {
		if c, ok := ast.Unparen(es.X).(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Wait" && own(sel.X) {
				*waited = true
			}
		}
	}
	return true
}

// reachedIn: the function u, or one it calls, uses a variable of the backing array
// group root that it did not declare (a package-level slice, a captured one, a
// field of its receiver): it could read or write the array while a copy stands for
// the sub-slice it was given.
func (m *module) reachedIn(u *unit, root any, aliases *sliceAliases, seen map[*unit]bool) bool {
	if u == nil || seen[u] || u.body == nil {
		return false
	}
	seen[u] = true
	var own ast.Node = u.lit
	if u.decl != nil {
		own = u.decl
	}
	found := false
	ast.Inspect(u.body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := m.p.info.Uses[id]; obj != nil && aliases.find(obj) == root &&
				(own == nil || obj.Pos() < own.Pos() || obj.Pos() >= own.End()) {
				found = true
			}
		}
		return !found
	})
	for _, f := range u.dyn {
		found = found || !strings.HasPrefix(f, "lit:") && m.closuresReach(f, root, aliases)
	}
	for _, callee := range u.calls {
		if callee.lit != nil && own != nil && callee.lit.Pos() >= own.Pos() && callee.lit.End() <= own.End() && !seen[callee] {
			// a function literal of u's (a goroutine's, go func() { f(s[:mid]) }()):
			// u's variables are its own, its body read with u's; what it calls counts
			seen[callee] = true
			for _, c := range callee.calls {
				found = found || m.reachedIn(c, root, aliases, seen)
			}
			continue
		}
		found = found || m.reachedIn(callee, root, aliases, seen)
	}
	return found
}

// funcValueReaches: e is a function value other than a function of the program's
// (a variable or a parameter holding a closure) whose type some closure of the
// program has that uses a variable of the backing array group root: called while a
// copy stands for a sub-slice of root, it could read or write the array itself.
func (m *module) funcValueReaches(e ast.Expr, root any, aliases *sliceAliases) bool {
	t := m.p.info.TypeOf(e)
	if _, isFunc := under(t).(*types.Signature); !isFunc {
		return false
	}
	if _, isFn := m.p.info.Uses[identOf(ast.Unparen(e))].(*types.Func); isFn {
		return false // a declared function: reachedIn reads its body
	}
	return m.closuresReach(familyOf(m.p, t), root, aliases)
}

// closuresReach: a closure of the program of function family f uses a variable of
// the backing array group root that it did not declare.
func (m *module) closuresReach(f string, root any, aliases *sliceAliases) bool {
	for lit := range m.a.byLit {
		if !related(familyOf(m.p, m.p.info.TypeOf(lit)), f) {
			continue
		}
		found := false
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if obj := m.p.info.Uses[id]; obj != nil && aliases.find(obj) == root && (obj.Pos() < lit.Pos() || obj.Pos() >= lit.End()) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// reaches: e names a variable of the backing array group root (an operand, or one
// a function literal in it reads), not only for its length.
// readValue: e is a number, a string or a bool that only reads what it is
// computed from (PutUint32(buf[4:8], crc32.ChecksumIEEE(buf[8:]))): evaluated
// before the call as Go does, it holds nothing the call could write through.
func readValue(p *program, e ast.Expr) bool {
	if b, ok := under(p.info.TypeOf(e)).(*types.Basic); !ok || b.Info()&(types.IsNumeric|types.IsString|types.IsBoolean) == 0 {
		return false
	}
	pure := true
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && !p.info.Types[c.Fun].IsType() {
			name := calleeName(p, c)
			switch pkg, _, _ := strings.Cut(name, "."); {
			case name == "len", name == "cap", pkg == "hash/crc32", pkg == "hash/adler32", pkg == "strings",
				pkg == "strconv", pkg == "math", pkg == "unicode/utf8" && !strings.HasPrefix(name, "unicode/utf8.Encode"),
				pkg == "encoding/binary" && strings.Contains(name, ".Uint"):
			default:
				pure = false
			}
		}
		return pure
	})
	return pure
}

// readingCall: e is a call of a function of the program that never blocks,
// returns a number, a string or a bool, only reads the slices it is given
// (readParams) and reaches root by no variable of its own: its value, computed
// before the call it is an operand of runs, is what Go's is
// (PutUint16(pkt[2:], sum(pkt)), a checksum of the packet it is written into).
func (m *module) readingCall(e ast.Expr, root any, aliases *sliceAliases, readParams map[*types.Var]bool) bool {
	p := m.p
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || c.Ellipsis.IsValid() {
		return false
	}
	fn := aliases.callee(c)
	u := m.a.byFunc[fn]
	if fn == nil || u == nil || u.gen || u.sig.Variadic() || u.sig.Results().Len() != 1 {
		return false
	}
	if b, ok := under(u.sig.Results().At(0).Type()).(*types.Basic); !ok || b.Info()&(types.IsNumeric|types.IsString|types.IsBoolean) == 0 {
		return false
	}
	for i, arg := range c.Args {
		if isSliceType(p.info.TypeOf(arg)) {
			if i >= u.sig.Params().Len() || !readParams[u.sig.Params().At(i)] {
				return false
			}
		} else if !readValue(p, arg) {
			return false
		}
	}
	return !m.reachedIn(u, root, aliases, map[*unit]bool{})
}

func reaches(p *program, aliases *sliceAliases, e ast.Expr, root any) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if name := calleeName(p, c); name == "len" || name == "cap" {
				return false // make([]int, len(data)): its length only
			}
		}
		if id, ok := n.(*ast.Ident); ok {
			if obj := p.info.Uses[id]; obj != nil && (obj == root || aliases.find(obj) == root) {
				found = true
			}
		}
		return !found
	})
	return found
}

// inPlaceParams: the slice parameters of the program's functions that never block
// whose function reads and writes their elements where they stand and keeps nothing
// of them (writesInPlace), found together, as a parameter may be passed on to
// another; and of those, the ones it writes (an element, a copy into it, a sort, or
// passed on to one written).
func (m *module) inPlaceParams(readParams map[*types.Var]bool) (inPlace, written map[*types.Var]bool) {
	candidates := map[*types.Var]*unit{} // each parameter's function
	m.forkJoin = m.forkJoins()
	for _, u := range m.a.units { // the program's functions and function literals
		if u.gen && !m.forkJoin[u] || u.body == nil || u.sig == nil {
			continue
		}
		for i := 0; i < u.sig.Params().Len(); i++ {
			v := u.sig.Params().At(i)
			if isSliceType(v.Type()) && !(u.sig.Variadic() && i == u.sig.Params().Len()-1) {
				candidates[v] = u
			}
		}
	}
	inPlace = map[*types.Var]bool{}
	for v := range candidates {
		inPlace[v] = true
	}
	for changed := true; changed; {
		changed = false
		for v, u := range candidates {
			if inPlace[v] && !m.writesInPlace(u.body, v, readParams, inPlace, nil) {

				delete(inPlace, v)
				changed = true
			}
		}
	}
	written = map[*types.Var]bool{}
	for changed := true; changed; {
		changed = false
		for v := range inPlace {
			if !written[v] && m.writesInPlace(candidates[v].body, v, readParams, inPlace, written) {
				written[v] = true
				changed = true
			}
		}
	}
	return inPlace, written
}

// writesInPlace: body uses its parameter v only where it stands: reads and writes
// its elements (not their address), takes its len, ranges over it, copies into or
// out of it (or a sub-slice of it), sorts or reverses it, prints it, appends its elements to
// another slice, passes it or a sub-slice of it to a parameter that only reads or
// also writes in place; no function literal uses it and nothing assigns it. With
// written (the parameters known to be written), whether body writes v: an element,
// a copy into it, a library call that writes it, or passed to one written.
func (m *module) writesInPlace(body *ast.BlockStmt, v *types.Var, readParams, inPlace, written map[*types.Var]bool) bool {
	p := m.p
	if written != nil {
		return writesParam(p, m, body, v, written)
	}
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && p.info.Uses[id] == v
	}
	// v itself or v[a:b], where an operand is allowed
	operand := func(e ast.Expr) *ast.Ident {
		e = ast.Unparen(e)
		if se, ok := e.(*ast.SliceExpr); ok && !se.Slice3 {
			e = ast.Unparen(se.X)
		}
		if id, ok := e.(*ast.Ident); ok && p.info.Uses[id] == v {
			return id
		}
		return nil
	}
	allowed := map[*ast.Ident]bool{}
	allow := func(e ast.Expr) {
		if id := operand(e); id != nil {
			allowed[id] = true
		}
	}
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.GoStmt:
			for _, a := range n.Call.Args {
				if operand(a) != nil {
					ok = false // a goroutine may write it after the call returns
				}
			}
		case *ast.FuncLit:
			if lu := m.a.byLit[n]; lu != nil && lu.parent != nil && m.forkJoin[lu.parent] && lu.parent.sig.Params().Len() > 0 &&
				v.Parent() == lu.parent.sig.Params().At(0).Parent() {
				return true // go func() { sortInto(s[:mid]) }() of a fork-join function: its part of v
			}
			ok = ok && !usesObj(p, n.Body, v)
			return false
		case *ast.UnaryExpr:
			if n.Op == token.AND && usesObj(p, n.X, v) {
				ok = false // &v[i]: a pointer into it outlives the call
			}
		case *ast.IndexExpr:
			if isV(n.X) {
				allowed[ast.Unparen(n.X).(*ast.Ident)] = true // v[i], read or written
			}
		case *ast.RangeStmt:
			allow(n.X)
		case *ast.CallExpr:
			name := calleeName(p, n)
			switch {
			case name == "len" && len(n.Args) == 1 && isV(n.Args[0]):
				allow(n.Args[0])
			case name == "append" && n.Ellipsis.IsValid():
				allow(n.Args[len(n.Args)-1]) // its elements, read
			case name == "copy" && len(n.Args) == 2:
				allow(n.Args[0])
				allow(n.Args[1])
			case printsElems(p, n, v):
				for _, a := range n.Args {
					allow(a) // fmt.Printf("%v", v): read
				}
			default:
				if at, isLib := throughLibrary[name]; isLib && at < len(n.Args) {
					allow(n.Args[at])
				} else if fn, isFn := p.info.Uses[identOf(ast.Unparen(n.Fun))].(*types.Func); isFn && !n.Ellipsis.IsValid() {
					if u := m.a.byFunc[fn.Origin()]; u != nil && (!u.gen || m.forkJoin[u]) {
						params := u.sig.Params()
						for i, a := range n.Args {
							if i < params.Len() && (readParams[params.At(i)] || inPlace[params.At(i)]) {
								allow(a)
							}
						}
					}
				}
			}
		}
		return ok
	})
	return ok && onlyAllowed(p, body, v, allowed)
}

// printsElems: c is a print of fmt or log, and v's elements have no method fmt
// calls (which could reach the slice): its operands only read v.
func printsElems(p *program, c *ast.CallExpr, v *types.Var) bool {
	ops, _ := fmtOperands(p, c)
	e := elemType(v.Type())
	return ops != nil && e != nil && !hasFmtMethod(e) && !types.IsInterface(e)
}

// throughCall renders c, whose arguments subs are sub-slices rendered through
// go.through (see findThroughArgs), one within another.
func (f *fn) throughCall(c *ast.CallExpr, subs []*ast.SliceExpr) string {
	if f.hoisted == nil {
		f.hoisted = map[ast.Expr]string{}
	}
	names := make([]string, len(subs))
	for i, se := range subs {
		names[i] = "_sub"
		if i > 0 {
			names[i] = fmt.Sprintf("_sub%d", i+1)
		}
		f.hoisted[se] = names[i]
	}
	text, yields := f.call(c)
	for _, se := range subs {
		delete(f.hoisted, se)
	}
	if yields {
		// io.ReadFull(r, hdr[:]) of a local array no other goroutine reaches, or a
		// fork-join function: the copy is written back when it returns
		inner, ok := strings.CutPrefix(text, "(yield from ")
		if !ok || !f.m.readerCall(c) && !f.m.forkJoinCall(c) {
			f.p.unsupported(c, "a sub-slice given to a call that blocks", "pass the slice with its bounds")
		}
		text = strings.TrimSuffix(inner, ")")
		for i := len(subs) - 1; i >= 0; i-- {
			lo, hi := f.bounds(subs[i])
			text = "go.through_blocking(" + f.sequence(subs[i].X) + ", " + lo + ", " + hi + ", lambda " + names[i] + ": " + text + ")"
		}
		return "(yield from " + text + ")"
	}
	for i := len(subs) - 1; i >= 0; i-- {
		lo, hi := f.bounds(subs[i])
		if k, ok := f.m.throughGrown[subs[i]]; ok {
			// appendValues(values[:0], root): the result it appended to the copy, written
			// back as far as the sub-slice's room in s, where Go's appends wrote it
			at := "None"
			if f.p.info.TypeOf(c) != nil {
				if _, tuple := f.p.info.TypeOf(c).(*types.Tuple); tuple {
					at = fmt.Sprint(k)
				}
			}
			text = "go.through_grown(" + f.sequence(subs[i].X) + ", " + lo + ", " + hi + ", " + at + ", lambda " + names[i] + ": " + text + ")"
			continue
		}
		text = "go.through(" + f.sequence(subs[i].X) + ", " + lo + ", " + hi + ", lambda " + names[i] + ": " + text + ")"
	}
	return text
}

// grownParams: the slice parameters of the program's functions that only grow by
// append and come back as a result (func appendValues(values []int, t *tree)
// []int), by that result's index: the function reads the parameter's length and
// elements, ranges over it, assigns it only v = append(v, ...) or v = g(v, ...) of
// such a parameter of g, and returns it (or such a call) from every return. Given
// a sub-slice (appendValues(values[:0], root)), its appends write the caller's
// array in Go, as far as the sub-slice's capacity: go.through_grown.
func (m *module) grownParams() map[*types.Var]int {
	candidates := map[*types.Var]*unit{}
	for _, u := range m.a.units {
		if u.gen || u.body == nil || u.sig == nil || u.decl == nil || u.sig.Results().Len() == 0 {
			continue
		}
		for i := 0; i < u.sig.Params().Len(); i++ {
			if v := u.sig.Params().At(i); isSliceType(v.Type()) && !(u.sig.Variadic() && i == u.sig.Params().Len()-1) {
				candidates[v] = u
			}
		}
	}
	grown := map[*types.Var]int{}
	for v := range candidates {
		grown[v] = -1 // not known yet
	}
	for changed := true; changed; {
		changed = false
		for v, u := range candidates {
			if _, ok := grown[v]; !ok {
				continue
			}
			if k, ok := m.growsParam(u, v, grown); !ok {
				delete(grown, v)
				changed = true
			} else if grown[v] != k {
				grown[v] = k
				changed = true
			}
		}
	}
	for v, k := range grown {
		if k < 0 {
			delete(grown, v)
		}
	}
	return grown
}

// growsParam: u uses its parameter v only as grownParams allows, and returns it
// as its result k.
func (m *module) growsParam(u *unit, v *types.Var, grown map[*types.Var]int) (int, bool) {
	p := m.p
	isV := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && p.info.Uses[id] == v
	}
	allowed := map[*ast.Ident]bool{}
	// growth: append(v, ...) or g(..., v, ...) of a grown parameter of g's, whose
	// single result it is, or an append to either (append(append(b, s...), ';'))
	var growth func(e ast.Expr) bool
	growth = func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || c.Ellipsis.IsValid() && calleeName(p, c) != "append" {
			return false
		}
		if calleeName(p, c) == "append" {
			if len(c.Args) > 0 && isV(c.Args[0]) {
				allowed[identOf(ast.Unparen(c.Args[0]))] = true
				return true
			}
			return len(c.Args) > 0 && growth(c.Args[0])
		}
		fn, ok := p.info.Uses[identOf(ast.Unparen(c.Fun))].(*types.Func)
		if !ok {
			return false
		}
		g := m.a.byFunc[fn.Origin()]
		if g == nil || g.sig.Results().Len() != 1 {
			return false
		}
		for i := range min(len(c.Args), g.sig.Params().Len()) {
			if k, ok := grown[g.sig.Params().At(i)]; ok && k <= 0 && isV(c.Args[i]) {
				allowed[identOf(ast.Unparen(c.Args[i]))] = true
				return true
			}
		}
		return false
	}
	k, ok := -1, true
	ast.Inspect(u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if usesObj(p, n.Body, v) {
				ok = false
			}
			return false
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 && isV(n.Lhs[0]) && n.Tok == token.ASSIGN && growth(n.Rhs[0]) {
				allowed[identOf(ast.Unparen(n.Lhs[0]))] = true
			}
		case *ast.ReturnStmt:
			at := -1
			for i, r := range n.Results {
				if isV(r) || growth(r) {
					if isV(r) {
						allowed[identOf(ast.Unparen(r))] = true
					}
					at = i
				}
			}
			if at < 0 || k >= 0 && at != k {
				ok = false
			}
			k = at
		case *ast.CallExpr:
			if name := calleeName(p, n); name == "len" && len(n.Args) == 1 && isV(n.Args[0]) {
				allowed[identOf(ast.Unparen(n.Args[0]))] = true
			}
		case *ast.IndexExpr:
			if isV(n.X) {
				allowed[identOf(ast.Unparen(n.X))] = true // a read: a write is no allowed use below
			}
		case *ast.RangeStmt:
			if isV(n.X) {
				allowed[identOf(ast.Unparen(n.X))] = true
			}
		}
		return ok
	})
	if !ok || k < 0 {
		return -1, false
	}
	// an element written (v[i] = x, v[i]++) or its address taken is no read
	ast.Inspect(u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, isIx := ast.Unparen(l).(*ast.IndexExpr); isIx && isV(ix.X) {
					ok = false
				}
			}
		case *ast.IncDecStmt:
			if ix, isIx := ast.Unparen(n.X).(*ast.IndexExpr); isIx && isV(ix.X) {
				ok = false
			}
		case *ast.UnaryExpr:
			if ix, isIx := ast.Unparen(n.X).(*ast.IndexExpr); isIx && n.Op == token.AND && isV(ix.X) {
				ok = false
			}
		}
		return ok
	})
	return k, ok && onlyAllowed(p, u.body, v, allowed)
}

// bounds: the low and high bounds of se, as go.through takes them.
func (f *fn) bounds(se *ast.SliceExpr) (string, string) {
	lo, hi := "0", "None"
	if se.Low != nil {
		lo = f.expr(se.Low)
	}
	if se.High != nil {
		hi = f.expr(se.High)
	}
	return lo, hi
}

// forkJoinCall: c calls a function that waits for goroutines of its own (forkJoins).
func (m *module) forkJoinCall(c *ast.CallExpr) bool {
	fn, ok := m.p.info.Uses[identOf(ast.Unparen(c.Fun))].(*types.Func)
	return ok && m.forkJoin[m.a.byFunc[fn.Origin()]]
}

// throughArgs: c's arguments rendered through go.through.
func (f *fn) throughArgs(c *ast.CallExpr) []*ast.SliceExpr {
	var subs []*ast.SliceExpr
	for _, a := range c.Args {
		if se, ok := ast.Unparen(a).(*ast.SliceExpr); ok && f.m.through[se] && f.hoisted[se] == "" {
			subs = append(subs, se)
		}
	}
	return subs
}

// writesParam: body writes the elements of its parameter v (see writesInPlace).
func writesParam(p *program, m *module, body *ast.BlockStmt, v *types.Var, written map[*types.Var]bool) bool {
	isV := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if se, ok := e.(*ast.SliceExpr); ok {
			e = ast.Unparen(se.X)
		}
		id, ok := e.(*ast.Ident)
		return ok && p.info.Uses[id] == v
	}
	target := func(e ast.Expr) bool {
		ix, ok := ast.Unparen(e).(*ast.IndexExpr)
		return ok && isV(ix.X)
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || target(l)
			}
		case *ast.IncDecStmt:
			found = found || target(n.X)
		case *ast.CallExpr:
			if at, ok := throughLibrary[calleeName(p, n)]; ok && at < len(n.Args) && isV(n.Args[at]) {
				found = true
			} else if fn, ok := p.info.Uses[identOf(ast.Unparen(n.Fun))].(*types.Func); ok {
				if u := m.a.byFunc[fn.Origin()]; u != nil {
					for i, a := range n.Args {
						if i < u.sig.Params().Len() && written[u.sig.Params().At(i)] && isV(a) {
							found = true
						}
					}
				}
			}
		}
		return !found
	})
	return found
}

// findBackings: the local variables of a bounded sub-slice (kept := hs[:0], which
// has room to grow in hs's array) that are only appended to (kept = append(kept,
// h)), in the function that declares them: each append writes hs's array as Go's
// does while it has room, through go.Backing. The sub-slice's copy is exact where
// nothing else writes hs meanwhile (refuseSharedSubslices).
func (m *module) findBackings(bounded map[types.Object]bool) map[types.Object]*ast.SliceExpr {
	p := m.p
	backings := map[types.Object]*ast.SliceExpr{}
	refused := map[types.Object]bool{}
	var funcs []ast.Node // the function each use is in, innermost first
	home := map[types.Object]ast.Node{}
	use := func(obj types.Object) {
		if fn := funcs[len(funcs)-1]; home[obj] == nil {
			home[obj] = fn
		} else if home[obj] != fn {
			refused[obj] = true // used in a closure
		}
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			funcs = append(funcs, n)
			var body *ast.BlockStmt
			if d, ok := n.(*ast.FuncDecl); ok {
				body = d.Body
			} else {
				body = n.(*ast.FuncLit).Body
			}
			if body != nil {
				for _, st := range body.List {
					ast.Inspect(st, visit)
				}
			}
			funcs = funcs[:len(funcs)-1]
			return false
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				obj := p.info.ObjectOf(id)
				if !ok || !bounded[obj] {
					continue
				}
				var r ast.Expr
				if len(n.Rhs) == len(n.Lhs) {
					r = ast.Unparen(n.Rhs[i])
				}
				se, isSlice := r.(*ast.SliceExpr)
				c, isCall := r.(*ast.CallExpr)
				switch {
				case n.Tok == token.DEFINE && isSlice && len(n.Lhs) == 1 && backings[obj] == nil:
					switch ast.Unparen(se.X).(type) {
					case *ast.Ident, *ast.SelectorExpr:
						backings[obj] = se
					default:
						refused[obj] = true
					}
				case n.Tok == token.ASSIGN && isCall && len(n.Lhs) == 1 && calleeName(p, c) == "append" &&
					len(c.Args) > 1 && identOf(ast.Unparen(c.Args[0])) != nil && p.info.Uses[identOf(ast.Unparen(c.Args[0]))] == obj:
				default:
					refused[obj] = true
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && bounded[p.info.Uses[id]] {
				refused[p.info.Uses[id]] = true
			}
		case *ast.Ident:
			if obj := p.info.ObjectOf(n); bounded[obj] && len(funcs) > 0 {
				use(obj)
			}
		}
		return true
	}
	for _, file := range p.files {
		for _, d := range file.Decls {
			ast.Inspect(d, visit)
		}
	}
	for obj := range refused {
		delete(backings, obj)
	}
	return backings
}

// backingOf: the variable se is the sub-slice of, if findBackings found it.
func (m *module) backingOf(se *ast.SliceExpr) types.Object {
	for obj, def := range m.backings {
		if def == se {
			return obj
		}
	}
	return nil
}

// backingAssign renders kept := hs[lo:hi] and kept = append(kept, ...) of a variable
// findBackings found: kept, kept_array = go.sliced(hs, lo, hi), go.Backing(hs, lo),
// and kept = kept_array.append(kept, ...), which writes hs's array as Go's append
// does; false for any other assignment.
func (f *fn) backingAssign(s *ast.AssignStmt) bool {
	p := f.p
	id, ok := ast.Unparen(s.Lhs[0]).(*ast.Ident)
	if !ok {
		return false
	}
	obj := p.info.ObjectOf(id)
	se := f.m.backings[obj]
	if se == nil {
		return false
	}
	if ast.Unparen(s.Rhs[0]) == se {
		val, base, lo := f.expr(se), f.sequence(se.X), "0"
		if se.Low != nil {
			lo = f.expr(se.Low)
		}
		names := f.lhsList(s)
		arr := f.temp(names[0] + "_array")
		if f.backingArrays == nil {
			f.backingArrays = map[types.Object]string{}
		}
		f.backingArrays[obj] = arr
		f.flushPre()
		f.wl(f.line, "%s, %s = %s, go.Backing(%s, %s)", names[0], arr, val, base, lo)
		return true
	}
	c := ast.Unparen(s.Rhs[0]).(*ast.CallExpr) // kept = append(kept, ...): findBackings
	arr := f.backingArrays[obj]
	vals := f.spreadOrValues(c)
	if f.m.capacities {
		vals += f.m.growth(c) // past the array's room, Go's growth for these elements
	}
	target := f.expr(s.Lhs[0])
	f.flushPre()
	f.wl(f.line, "%s = %s.append(%s%s)", target, arr, target, vals)
	return true
}

// goThrough renders go f(s[lo:hi]) of a function of the program that writes its
// parameter in place (findThroughArgs): rt.go(go.through_call, f, at, s, lo, hi,
// the other arguments), the copy taken and written back in the goroutine.
func (f *fn) goThrough(c *ast.CallExpr, se *ast.SliceExpr, callee, name string) {
	at := 0
	var rest []string
	for i, a := range c.Args {
		if ast.Unparen(a) == ast.Expr(se) {
			at = i
			continue
		}
		rest = append(rest, f.value(a))
	}
	lo, hi := "0", "None"
	if se.Low != nil {
		lo = f.expr(se.Low)
	}
	if se.High != nil {
		hi = f.expr(se.High)
	}
	args := append([]string{callee, fmt.Sprint(at), f.expr(se.X), lo, hi}, rest...)
	f.flushPre()
	f.wl(f.line, "rt.go(go.through_call, %s, name=%q)", strings.Join(args, ", "), name)
}

// backingAlone: kept := x[:0] (se) holds no element of x's array when it is made,
// nothing but x itself (a variable or a field) may hold that array besides kept
// (the slices of its group), and kept's function neither blocks nor calls one of
// the program's after making it: no write to x's elements can happen while kept
// lives but through kept's appends, which go.Backing makes as Go's do; writes
// elsewhere (a sort of x in another method) see x's list as Go's array.
func (m *module) backingAlone(se *ast.SliceExpr, v types.Object, root any, aliases *sliceAliases) bool {
	p := m.p
	if se.Low != nil || se.High == nil {
		return false
	}
	if tv := p.info.Types[se.High]; tv.Value == nil || tv.Value.ExactString() != "0" {
		return false
	}
	x := ownerOf(p, se.X)
	var members []any
	if _, held := root.(*types.Var); held {
		members = append(members, root) // a variable at the root is no key of parent
	}
	for member := range aliases.parent {
		if member != root && aliases.find(member) == root {
			members = append(members, member)
		}
	}
	for _, member := range members {
		if member != v && member != types.Object(x) {
			if param, ok := member.(*types.Var); !ok || !aliases.readOnly[param] {
				return false
			}
		}
	}
	home := m.homeOf(se)
	if home == nil {
		return false
	}
	quiet := true
	ast.Inspect(home, func(n ast.Node) bool {
		if n == nil || n.Pos() < se.End() {
			return quiet
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			return false // runs as the function returns
		case *ast.FuncLit, *ast.GoStmt, *ast.SendStmt, *ast.SelectStmt:
			quiet = false
		case *ast.UnaryExpr:
			quiet = quiet && n.Op != token.ARROW
		case *ast.CallExpr:
			if fn, ok := p.info.Uses[identOf(ast.Unparen(n.Fun))].(*types.Func); ok {
				if m.a.byFunc[fn.Origin()] != nil || blockingMethod(fn) {
					quiet = false
				}
			} else if _, isBuiltin := p.info.Uses[identOf(ast.Unparen(n.Fun))].(*types.Builtin); !isBuiltin && !p.info.Types[n.Fun].IsType() {
				quiet = false // a function value
			}
		}
		return quiet
	})
	return quiet
}

// homeOf: the body of the innermost function declaration or literal around n.
func (m *module) homeOf(n ast.Node) *ast.BlockStmt {
	var home *ast.BlockStmt
	for _, file := range m.p.files {
		ast.Inspect(file, func(x ast.Node) bool {
			if x == nil || x.Pos() > n.Pos() || x.End() < n.End() {
				return false
			}
			switch x := x.(type) {
			case *ast.FuncDecl:
				home = x.Body
			case *ast.FuncLit:
				home = x.Body
			}
			return true
		})
	}
	return home
}

// A goroutine started on a sub-slice that it only reads, by a function that waits
// for it (for each part: wg.Add(1); go func(part []int) { defer wg.Done(); ...
// }(nums[lo:hi]); then wg.Wait()), reads its copy as it would read nums, in a
// program without data races: the copy is made where Go evaluates the argument,
// and a write to nums could only show in the goroutine's read if it came between
// the two and were ordered before the read. It cannot be the starting function's
// own (it writes nothing of nums until it has waited for the goroutine), nor its
// goroutines' (they write nothing of nums), nor any other goroutine's: the
// goroutine and the function synchronize only through mutexes, WaitGroups and
// channels the function declares and never hands out, so nothing outside can be
// ordered between them, and a write not ordered with the read is a data race.
// joinedReaders finds such sub-slices.
func (m *module) joinedReaders(aliases *sliceAliases) map[ast.Expr]bool {
	p := m.p
	out := map[ast.Expr]bool{}
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			for i, st := range fd.Body.List {
				ast.Inspect(st, func(n ast.Node) bool {
					if _, lit := n.(*ast.FuncLit); lit {
						return false
					}
					g, isGo := n.(*ast.GoStmt)
					if !isGo {
						return true
					}
					lit, isLit := ast.Unparen(g.Call.Fun).(*ast.FuncLit)
					if !isLit || g.Call.Ellipsis.IsValid() {
						return false
					}
					for k, arg := range g.Call.Args {
						if se, isSlice := ast.Unparen(arg).(*ast.SliceExpr); isSlice && isSliceType(p.info.TypeOf(se.X)) &&
							m.joinedReader(fd.Body, i, lit, k, aliases.find(aliases.source(se.X)), aliases) {
							out[se] = true
						}
					}
					return false
				})
			}
		}
	}
	return out
}

// joinedReader: the goroutine lit, started in the statement at of body with a
// sub-slice of the backing array group root as its argument k, only reads that
// parameter and is waited for as joinedReaders says.
func (m *module) joinedReader(body *ast.BlockStmt, at int, lit *ast.FuncLit, k int, root any, aliases *sliceAliases) bool {
	p := m.p
	sig := p.info.TypeOf(lit).(*types.Signature)
	if k >= sig.Params().Len() || sig.Variadic() && k == sig.Params().Len()-1 {
		return false
	}
	if !m.readsOrPrints(lit.Body, sig.Params().At(k), nil, k) {
		return false
	}
	wait := -1 // the statement that waits for it: wg.Wait() of a WaitGroup lit marks done
	for j := at + 1; j < len(body.List) && wait < 0; j++ {
		if es, isExpr := body.List[j].(*ast.ExprStmt); isExpr {
			if c, isCall := ast.Unparen(es.X).(*ast.CallExpr); isCall {
				if sel, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr); isSel && sel.Sel.Name == "Wait" && len(c.Args) == 0 {
					if wg := rootObj(p, sel.X); wg != nil && isNamed(wg.Type(), "sync", "WaitGroup") && m.confined(body, wg) && marksDone(p, lit, wg) {
						wait = j
					}
				}
			}
		}
	}
	if wait < 0 {
		return false
	}
	quiet := true
	for _, st := range body.List[at:wait] {
		quiet = quiet && m.keepsOff(st, body, root, aliases, true)
	}
	return quiet
}

// marksDone: the goroutine lit calls wg.Done().
func marksDone(p *program, lit *ast.FuncLit, wg types.Object) bool {
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		if c, isCall := n.(*ast.CallExpr); isCall {
			if sel, isSel := ast.Unparen(c.Fun).(*ast.SelectorExpr); isSel && sel.Sel.Name == "Done" && rootObj(p, sel.X) == wg {
				found = true
			}
		}
		return !found
	})
	return found
}

// keepsOff: n, code of the function whose body is body that runs while goroutines
// it started read copies of sub-slices of root, writes nothing of root, returns
// nowhere (outer: the function's own statements), and synchronizes only through
// the function's confined variables; so does every goroutine it starts.
func (m *module) keepsOff(n ast.Node, body *ast.BlockStmt, root any, aliases *sliceAliases, outer bool) bool {
	p := m.p
	ok := true
	ofRoot := func(e ast.Expr) bool {
		s := aliases.source(e)
		return s != nil && aliases.find(s) == root
	}
	written := func(e ast.Expr) {
		eachIndex(e, func(x *ast.IndexExpr) {
			ok = ok && !(isSliceType(p.info.TypeOf(x.X)) && ofRoot(x.X))
		})
	}
	local := func(e ast.Expr) bool {
		obj := rootObj(p, ast.Unparen(e))
		return obj != nil && m.confined(body, obj)
	}
	ast.Inspect(n, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.FuncLit:
			ok = ok && m.keepsOff(x.Body, body, root, aliases, false)
			return false
		case *ast.ReturnStmt:
			ok = ok && !outer
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				written(l)
			}
		case *ast.IncDecStmt:
			written(x.X)
		case *ast.UnaryExpr:
			switch x.Op {
			case token.AND:
				written(x.X)
			case token.ARROW:
				ok = ok && local(x.X)
			}
		case *ast.SendStmt:
			ok = ok && local(x.Chan)
		case *ast.RangeStmt:
			if _, overChan := under(p.info.TypeOf(x.X)).(*types.Chan); overChan {
				ok = ok && local(x.X)
			}
		case *ast.GoStmt:
			if _, isLit := ast.Unparen(x.Call.Fun).(*ast.FuncLit); !isLit {
				ok = false
			}
		case *ast.CallExpr:
			ok = ok && m.callKeepsOff(x, root, aliases, local, ofRoot)
		}
		return ok
	})
	return ok
}

// callKeepsOff: the call c, in code keepsOff checks, writes nothing of root and
// synchronizes only through confined (local) variables.
func (m *module) callKeepsOff(c *ast.CallExpr, root any, aliases *sliceAliases, local func(ast.Expr) bool, ofRoot func(ast.Expr) bool) bool {
	p := m.p
	fun := ast.Unparen(c.Fun)
	if tv := p.info.Types[fun]; tv.IsType() {
		return true
	}
	name := calleeName(p, c)
	if at := m.readInto(c); slices.Contains(inPlace, name) || keepsItsOperand(name) || at >= 0 {
		return len(c.Args) == 0 || !ofRoot(c.Args[0]) && (at < 0 || !ofRoot(c.Args[at]))
	}
	if b, isBuiltin := p.info.Uses[identOf(fun)].(*types.Builtin); isBuiltin {
		return b.Name() != "close" || local(c.Args[0])
	}
	if _, isLit := fun.(*ast.FuncLit); isLit {
		return true // its body is checked where the walk reaches it
	}
	if sel, isSel := fun.(*ast.SelectorExpr); isSel {
		if s := p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
			fn := s.Obj().(*types.Func)
			if fn.Pkg() != nil && (fn.Pkg().Path() == "sync" || fn.Pkg().Path() == "sync/atomic") {
				return local(sel.X) // mu.Lock(), wg.Done(), n.Add(1)
			}
			if types.IsInterface(s.Recv()) {
				return false // a method of the program's, perhaps, that may write root
			}
		}
	}
	fn, isFn := p.info.Uses[identOf(fun)].(*types.Func)
	if !isFn || fn.Pkg() == nil {
		return false // a function value
	}
	if u := m.a.byFunc[fn.Origin()]; u != nil {
		if u.gen || m.reachedIn(u, root, aliases, map[*unit]bool{}) {
			return false
		}
		reads := m.readArgs(c)
		for i, a := range c.Args {
			if ofRoot(a) && !slices.Contains(reads, i) {
				return false
			}
		}
		return true
	}
	if fn.Pkg().Path() == "sync/atomic" {
		if len(c.Args) > 0 {
			if u, isAddr := ast.Unparen(c.Args[0]).(*ast.UnaryExpr); isAddr && u.Op == token.AND {
				return local(u.X) // atomic.AddInt64(&total, n)
			}
		}
		return false
	}
	switch strings.SplitN(fn.Pkg().Path(), "/", 2)[0] {
	case "sync", "context", "runtime", "os", "io", "net", "testing", "golang.org":
		return false // may block, or synchronize
	}
	ops, _ := fmtOperands(p, c)
	for _, op := range ops {
		if m.blockingFmt(p.info.TypeOf(op)) {
			return false // a String method that locks: it synchronizes with others
		}
	}
	w := writerOperand(p, c)
	return w == nil || !m.blockingWrite(p.info.TypeOf(w))
}

// confined: obj is a mutex, a WaitGroup, an atomic or a channel (or a number an
// atomic function updates) that the function whose body is body declares, and
// every use of it is an operation on it: no other function can synchronize
// through it.
func (m *module) confined(body *ast.BlockStmt, obj types.Object) bool {
	p := m.p
	if _, isVar := obj.(*types.Var); !isVar || obj.Pos() < body.Pos() || obj.Pos() >= body.End() {
		return false
	}
	ok := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isID := n.(*ast.Ident); isID && p.info.Uses[id] == obj && len(stack) > 0 {
			switch parent := stack[len(stack)-1].(type) {
			case *ast.SelectorExpr: // mu.Lock(), wg.Done(), n.Add(1)
				ok = ok && parent.X == id
			case *ast.SendStmt:
				ok = ok && parent.Chan == id
			case *ast.UnaryExpr: // <-ch, &total for an atomic function
				ok = ok && (parent.Op == token.ARROW || parent.Op == token.AND && len(stack) > 1 && atomicArg(p, stack[len(stack)-2]))
			case *ast.RangeStmt:
				ok = ok && parent.X == id
			case *ast.CallExpr: // close(ch), len(ch)
				_, isBuiltin := p.info.Uses[identOf(ast.Unparen(parent.Fun))].(*types.Builtin)
				_, isNumber := under(obj.Type()).(*types.Basic)
				ok = ok && (isBuiltin || isNumber)
			default:
				// a number an atomic function updates is otherwise a plain variable,
				// read and written (total += s); a synchronizing variable is not
				_, isNumber := under(obj.Type()).(*types.Basic)
				ok = ok && isNumber
			}
		}
		stack = append(stack, n)
		return ok
	})
	return ok
}

// atomicArg: n is a call of a sync/atomic function.
func atomicArg(p *program, n ast.Node) bool {
	c, isCall := n.(*ast.CallExpr)
	if !isCall {
		return false
	}
	fn, isFn := p.info.Uses[identOf(ast.Unparen(c.Fun))].(*types.Func)
	return isFn && fn.Pkg() != nil && fn.Pkg().Path() == "sync/atomic"
}
