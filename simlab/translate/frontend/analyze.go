package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// unit is one Go function body: a declared function or method, or a closure.
type unit struct {
	name   string // Go's name for it: main.F, main.(*T).M, main.F.func1, main.F.func1.1
	decl   *ast.FuncDecl
	lit    *ast.FuncLit
	body   *ast.BlockStmt
	sig    *types.Signature
	parent *unit
	file   string

	direct   bool           // performs a blocking operation itself
	recovers bool           // calls recover() itself (so it must run as a deferred call that can)
	calls    []*unit        // functions it calls by name
	stdCalls []types.Object // function variables it calls that hold what a library call returned
	dyn      []string       // families of function values / interface methods it calls
	families []string       // families it belongs to, as a value that may be called dynamically
	gen      bool           // becomes a Python generator
	forced   bool           // a generator only because a sibling in a family blocks

	children int                   // closures numbered so far
	assigned map[types.Object]bool // variables it assigns (not counting declarations)
	free     []types.Object        // variables of enclosing functions it uses, first use first
	freeSet  map[types.Object]bool // the same, as a set
}

// analysis is what the translation knows about the whole package.
type analysis struct {
	p        *program
	units    []*unit
	byFunc   map[*types.Func]*unit
	byLit    map[*ast.FuncLit]*unit
	declUnit map[types.Object]*unit        // the function declaring each local variable
	loopOf   map[types.Object]ast.Node     // innermost loop a local variable lives in
	assigns  map[types.Object]int          // assignments besides the declaration
	litVar   map[types.Object]*ast.FuncLit // a variable holding one closure only
	stdVar   map[types.Object]bool         // a function variable set by a library call (cancel, stop)
	libArg   map[*ast.FuncLit]bool         // closures passed straight to the library (AfterFunc, Once.Do)
	// methods that write their value receiver, or whose closure or goroutine reads
	// it, which they copy first
	writtenRecv map[*ast.FuncDecl]bool
	famDyn      map[string]bool       // families called dynamically somewhere
	called      map[*ast.FuncLit]bool // closures called on the spot, go'd or deferred
	resultVar   map[types.Object]bool // named results
	callees     map[*ast.Ident]bool   // identifiers called (or go'd) on the spot
	famGen      map[string]bool       // families with a generator among their members
	stdGen      map[string]bool       // families of the generator functions simlab's library returns
	inPost      bool                  // walking a for statement's post statement
	pipes       bool                  // the library's I/O may block (io.Pipe, net.Pipe, a blocking Write): see pipeRead
	pools       bool                  // a sync.Pool's Get may run a New that blocks: see blockingPoolNew
}

func (p *program) analyze() *analysis {
	pipes := false
	for _, obj := range p.info.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && fn.Name() == "Pipe" && (fn.Pkg().Path() == "io" || fn.Pkg().Path() == "net") {
			pipes = true
		}
	}
	pools := false
	for {
		a := p.analyzeWith(pipes, pools)
		again := false
		if !pipes && a.blockingIO() {
			// the library (fmt, log, slog, bufio) may call that Read or Write as it
			// would a pipe's: the library's I/O blocks here as in a program with pipes
			pipes, again = true, true
		}
		if !pools && a.blockingPoolNew() {
			pools, again = true, true // every sync.Pool's Get may run that New
		}
		if !again {
			return a
		}
	}
}

// blockingPoolNew: a sync.Pool's New of the program blocks (sync.Pool{New: f}, or
// pool.New = f, of a function literal or a function of the program that is a
// generator: it locks a mutex, or counts with an atomic).
func (a *analysis) blockingPoolNew() bool {
	p := a.p
	gen := func(e ast.Expr) bool {
		switch f := ast.Unparen(e).(type) {
		case *ast.FuncLit:
			return a.byLit[f] != nil && a.byLit[f].gen
		case *ast.Ident, *ast.SelectorExpr:
			if fn, ok := p.info.Uses[identOf(f)].(*types.Func); ok && a.byFunc[fn.Origin()] != nil {
				return a.byFunc[fn.Origin()].gen
			}
		}
		return false
	}
	found := false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if t, ok := p.info.TypeOf(n).(*types.Named); ok && isNamed(t, "sync", "Pool") {
					for _, el := range n.Elts {
						if kv, ok := el.(*ast.KeyValueExpr); ok && gen(kv.Value) {
							found = true
						}
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					if sel, ok := l.(*ast.SelectorExpr); ok && i < len(n.Rhs) {
						if fs := p.info.Selections[sel]; fs != nil && fieldKey(fs) == "sync.Pool.New" && gen(n.Rhs[i]) {
							found = true
						}
					}
				}
			}
			return !found
		})
	}
	return found
}

// blockingIO: a Read or a Write method of the program's (an io.Reader's or an
// io.Writer's) blocks, as one that locks a mutex does, or a MarshalJSON,
// MarshalText or UnmarshalJSON that encoding/json calls, or the Enabled or Handle
// of a slog.Handler, which a logger calls.
func (a *analysis) blockingIO() bool {
	for obj, u := range a.byFunc {
		sig := u.sig
		if sig.Recv() == nil || !u.gen {
			continue
		}
		switch obj.Name() {
		case "MarshalJSON", "MarshalText", "UnmarshalJSON":
			return true
		case "Enabled", "Handle": // a slog.Handler's, which a logger calls
			if sig.Params().Len() == 2 && (isNamed(sig.Params().At(1).Type(), "log/slog", "Record") || isNamed(sig.Params().At(1).Type(), "log/slog", "Level")) {
				return true
			}
		case "Read", "Write":
			if sig.Params().Len() == 1 && sig.Results().Len() == 2 && types.Identical(sig.Params().At(0).Type(), types.NewSlice(types.Typ[types.Byte])) {
				return true
			}
		}
	}
	return false
}

// analyzeWith analyzes the package; pipes and pools: see analysis.pipes and pools.
func (p *program) analyzeWith(pipes, pools bool) *analysis {
	a := &analysis{
		p:           p,
		byFunc:      map[*types.Func]*unit{},
		byLit:       map[*ast.FuncLit]*unit{},
		declUnit:    map[types.Object]*unit{},
		loopOf:      map[types.Object]ast.Node{},
		assigns:     map[types.Object]int{},
		litVar:      map[types.Object]*ast.FuncLit{},
		famDyn:      map[string]bool{},
		called:      map[*ast.FuncLit]bool{},
		resultVar:   map[types.Object]bool{},
		stdGen:      map[string]bool{},
		stdVar:      map[types.Object]bool{},
		libArg:      map[*ast.FuncLit]bool{},
		writtenRecv: map[*ast.FuncDecl]bool{},
		pipes:       pipes,
		pools:       pools,
	}
	p.assignments(func(e ast.Expr, t types.Type) {
		iface, isIface := under(t).(*types.Interface)
		if !isIface || iface.Empty() || !isLocalInterface(p, types.Unalias(t)) {
			return
		}
		// l.Lock() of an interface of the program that holds a *sync.Mutex (or a
		// struct that embeds one): the mutex's Lock blocks, so every Lock of the
		// interface's family may; and c.Add(1) of one that holds an *atomic.Int64,
		// every access a switch point, and w.Wait() of a WaitGroup's
		for i := 0; i < iface.NumMethods(); i++ {
			m := iface.Method(i)
			held, _, _ := types.LookupFieldOrMethod(p.info.TypeOf(e), true, m.Pkg(), m.Name())
			if fn, isFn := held.(*types.Func); isFn && fn.Pkg() != nil && (fn.Pkg().Path() == "sync" || fn.Pkg().Path() == "sync/atomic") && blockingMethod(fn) {
				a.stdGen[methodFamily(m)] = true
			}
		}
	})
	// units for the declared functions first, so calls can be resolved
	inits := map[*types.Package]int{}
	for _, f := range p.files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj := p.info.Defs[fd.Name].(*types.Func)
			u := &unit{name: goName(p, fd), decl: fd, body: fd.Body, sig: obj.Type().(*types.Signature), file: p.file(fd)}
			if fd.Recv == nil && fd.Name.Name == "init" {
				u.name = fmt.Sprintf("%s.init.%d", p.goPkg(obj.Pkg()), inits[obj.Pkg()])
				inits[obj.Pkg()]++
			}
			if fd.Body == nil {
				p.unsupported(fd, "a function without a body", "Go source for every function")
			}
			a.byFunc[obj] = u
			a.units = append(a.units, u)
			if fd.Recv != nil {
				a.checkReceiver(fd)
			}
		}
	}
	for _, u := range append([]*unit(nil), a.units...) {
		a.walkUnit(u)
	}
	// package-level variable initializers may hold closures: main.init.func1...
	initUnits := map[*types.Package]*unit{}
	for _, f := range p.files {
		owner := p.pkgOf[f]
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				if initUnits[owner] == nil {
					initUnits[owner] = &unit{name: p.goPkg(owner) + ".init", assigned: map[types.Object]bool{}, freeSet: map[types.Object]bool{}}
				}
				a.walk(initUnits[owner], gd, nil)
			}
		}
	}
	a.solve()
	return a
}

// goName is the name Go gives a declared function in a stack trace.
func goName(p *program, fd *ast.FuncDecl) string {
	pkg := p.goPkg(p.info.Defs[fd.Name].Pkg())
	if fd.Recv == nil {
		if fd.Type.TypeParams != nil {
			return pkg + "." + fd.Name.Name + "[...]" // as Go names an instance: main.Map[...]
		}
		return pkg + "." + fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		t, star = s.X, "*"
	}
	name := ""
	switch x := t.(type) {
	case *ast.Ident:
		name = x.Name
	case *ast.IndexExpr: // a generic type's method: main.(*Box[...]).Get
		name = x.X.(*ast.Ident).Name + "[...]"
	case *ast.IndexListExpr:
		name = x.X.(*ast.Ident).Name + "[...]"
	}
	if star != "" {
		return pkg + ".(*" + name + ")." + fd.Name.Name
	}
	return pkg + "." + name + "." + fd.Name.Name
}

func (a *analysis) checkReceiver(fd *ast.FuncDecl) {
	p := a.p
	t := fd.Recv.List[0].Type
	ptr := false
	if s, ok := t.(*ast.StarExpr); ok {
		t, ptr = s.X, true
	}
	switch x := t.(type) { // a generic type's receiver names its type parameters: Box[T]
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		p.unsupported(fd, "a method on this receiver type", "methods on a named struct type")
	}
	named, _ := p.info.Uses[id].Type().(*types.Named)
	if named == nil {
		p.unsupported(fd, "a method on this receiver type", "methods on a named struct type")
	}
	switch u := named.Underlying().(type) {
	case *types.Slice, *types.Map, *types.Signature:
		return // its elements are shared, as Go shares them; the receiver itself is the method's own
	case *types.Basic:
		if u.Info()&types.IsBoolean != 0 {
			return // a plain bool, held in an interface as a go.NamedValue
		}
	case *types.Array:
		return // a value receiver is the caller's copy, as an array argument is
	}
	_, isStruct := named.Underlying().(*types.Struct)
	_, isChan := named.Underlying().(*types.Chan)
	b, isBasic := named.Underlying().(*types.Basic)
	isBasic = isBasic && pyBase(b) != ""
	if !isStruct && !isBasic && !(isChan && !ptr) {
		p.unsupported(fd, "a method on a named "+kindName(named.Underlying())+" type", "methods on a named struct, slice, map, array, func, string, number or bool type, or value methods on a named channel type")
	}
	if !ptr && len(fd.Recv.List[0].Names) > 0 && !isBasic && !isChan {
		// a value receiver is a copy: a method that writes it copies it first
		// (a number's, a string's or a channel's is a Python value: m = -m rebinds it)
		recv := p.info.Defs[fd.Recv.List[0].Names[0]]
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if inValue(p, l, recv) && n.Tok != token.DEFINE {
						a.writtenRecv[fd] = true
					}
				}
			case *ast.IncDecStmt:
				if inValue(p, n.X, recv) {
					a.writtenRecv[fd] = true
				}
			case *ast.FuncLit, *ast.GoStmt:
				// a closure (or a goroutine) that reads the receiver may outlive the
				// call: it holds the copy, which the caller's later writes do not reach
				ast.Inspect(n, func(x ast.Node) bool {
					if id, ok := x.(*ast.Ident); ok && p.info.Uses[id] == recv {
						a.writtenRecv[fd] = true
					}
					return !a.writtenRecv[fd]
				})
			case *ast.UnaryExpr:
				if n.Op == token.AND && inValue(p, n.X, recv) {
					a.writtenRecv[fd] = true // f(&s), which may write the method's copy
				}
			case *ast.CallExpr:
				// c.Inc() of a pointer method, promoted through fields held by value: (&c).Inc()
				if sx, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && inValue(p, sx.X, recv) {
					if s := p.info.Selections[sx]; s != nil && s.Kind() == types.MethodVal && !s.Indirect() &&
						isPointer(s.Obj().Type().(*types.Signature).Recv().Type()) {
						a.writtenRecv[fd] = true
					}
				}
			}
			return true
		})
	}
}

func kindName(t types.Type) string {
	switch t := t.(type) {
	case *types.Basic:
		return t.Name()
	case *types.Chan:
		return "channel"
	case *types.Map:
		return "map"
	case *types.Slice:
		return "slice"
	case *types.Signature:
		return "func"
	case *types.Interface:
		return "interface"
	case *types.Array:
		return "array"
	case *types.Pointer:
		return "pointer"
	}
	return "non-struct"
}

// inValue: e is a part of v's own value (v, a field, an array element), not
// something v reaches through a pointer, a slice or a map, which a copy of v
// shares.
func inValue(p *program, e ast.Expr, v types.Object) bool {
	for v != nil {
		switch x := e.(type) {
		case *ast.Ident:
			return p.info.ObjectOf(x) == v
		case *ast.SelectorExpr:
			sel, ok := p.info.Selections[x]
			if !ok || sel.Indirect() || isPointer(p.info.TypeOf(x.X)) {
				return false
			}
			e = x.X
		case *ast.IndexExpr:
			if _, isArray := under(p.info.TypeOf(x.X)).(*types.Array); !isArray {
				return false
			}
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return false
		}
	}
	return false
}

// rootObj is the variable at the root of x.f.g / x[i] / *x, or nil.
func rootObj(p *program, e ast.Expr) types.Object {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return p.info.ObjectOf(x)
		case *ast.SelectorExpr:
			if _, ok := p.info.Selections[x]; !ok {
				return nil
			}
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

func (a *analysis) walkUnit(u *unit) {
	u.assigned = map[types.Object]bool{}
	u.freeSet = map[types.Object]bool{}
	if u.decl != nil {
		if u.decl.Recv != nil {
			for _, f := range u.decl.Recv.List {
				for _, n := range f.Names {
					a.define(u, n, nil)
				}
			}
		}
		a.defineFields(u, u.decl.Type, nil)
	} else {
		a.defineFields(u, u.lit.Type, nil)
	}
	a.walk(u, u.body, nil)
}

func (a *analysis) defineFields(u *unit, ft *ast.FuncType, loop ast.Node) {
	for _, f := range ft.Params.List {
		for _, n := range f.Names {
			a.define(u, n, loop)
		}
	}
	if ft.Results != nil {
		for _, f := range ft.Results.List {
			for _, n := range f.Names {
				a.define(u, n, loop)
				if obj := a.p.info.Defs[n]; obj != nil {
					a.resultVar[obj] = true
				}
			}
		}
	}
}

func (a *analysis) define(u *unit, id *ast.Ident, loop ast.Node) {
	obj := a.p.info.Defs[id]
	if obj == nil {
		return
	}
	a.declUnit[obj] = u
	if loop != nil {
		a.loopOf[obj] = loop
	}
}

// newChild makes the unit of a closure inside u, named as Go's compiler does.
func (a *analysis) newChild(u *unit, lit *ast.FuncLit) *unit {
	u.children++
	var name string
	if u.parent == nil {
		name = u.name + ".func" + itoa(u.children)
	} else {
		name = u.name + "." + itoa(u.children)
	}
	file := u.file
	if file == "" {
		file = a.p.file(lit)
	}
	c := &unit{name: name, lit: lit, body: lit.Body, parent: u, file: file,
		sig: a.p.info.Types[lit].Type.(*types.Signature)}
	a.byLit[lit] = c
	a.units = append(a.units, c)
	return c
}

func itoa(i int) string { return strconv.Itoa(i) }

// walk records, for u, what it blocks on, whom it calls, what it assigns and
// which outer variables it uses; closures become units of their own.
func (a *analysis) walk(u *unit, n ast.Node, loop ast.Node) {
	p := a.p
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			c := a.newChild(u, n)
			a.walkUnit(c)
			for _, v := range c.free {
				if a.declUnit[v] != u {
					u.addFree(v)
				}
			}
			for v := range c.assigned {
				if a.declUnit[v] != c {
					u.assigned[v] = u.assigned[v] || a.declUnit[v] != u
				}
			}
			return false
		case *ast.ForStmt:
			if n.Init != nil {
				a.walk(u, n.Init, n)
			}
			if n.Cond != nil {
				a.walk(u, n.Cond, n)
			}
			if n.Post != nil {
				a.inPost = true // i++ makes the next iteration's i: not a reassignment
				a.walk(u, n.Post, n)
				a.inPost = false
			}
			a.walk(u, n.Body, n)
			return false
		case *ast.RangeStmt:
			a.walk(u, n.X, loop)
			if t, ok := under(p.info.TypeOf(n.X)).(*types.Chan); ok && t != nil {
				u.direct = true
			}
			if t, ok := under(p.info.TypeOf(n.X)).(*types.Signature); ok && t.Params().Len() == 1 {
				// range over an iterator: the loop drives it as a generator (go.Range), and
				// every yield function of its type is one, which the iterator calls with
				// yield from: so is the iterator
				u.direct = true
				a.stdGen[familyOf(p, t.Params().At(0).Type())] = true
			}
			if n.Tok == token.DEFINE {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if id, ok := e.(*ast.Ident); ok {
						a.define(u, id, n)
					}
				}
			} else {
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if e != nil {
						a.walk(u, e, loop)
						a.noteAssign(u, e)
					}
				}
			}
			a.walk(u, n.Body, n)
			return false
		case *ast.Ident:
			if obj := p.info.Defs[n]; obj != nil {
				if _, isVar := obj.(*types.Var); isVar {
					if _, known := a.declUnit[obj]; !known && !p.packageLevel(obj) {
						a.define(u, n, loop)
					}
				}
				return false
			}
			obj, _ := p.info.Uses[n].(*types.Var)
			if obj != nil && !obj.IsField() {
				if d, ok := a.declUnit[obj]; ok && d != u {
					u.addFree(obj)
				}
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Rhs) == 1 && a.libraryCall(n.Rhs[0]) {
				// ctx, cancel := context.WithCancel(...): cancel is the library's plain function
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && p.info.Defs[id] != nil {
						if _, isFunc := under(p.info.Defs[id].Type()).(*types.Signature); isFunc {
							a.stdVar[p.info.Defs[id]] = true
						}
					}
				}
			}
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if lit, ok := n.Rhs[0].(*ast.FuncLit); ok {
					if obj := p.info.Defs[n.Lhs[0].(*ast.Ident)]; obj != nil {
						a.litVar[obj] = lit
					}
				}
			}
			for _, l := range n.Lhs {
				if n.Tok == token.DEFINE {
					if id, ok := l.(*ast.Ident); ok && p.info.Defs[id] != nil {
						continue
					}
				}
				a.noteAssign(u, l)
			}
		case *ast.IncDecStmt:
			a.noteAssign(u, n.X)
		case *ast.TypeSwitchStmt:
			// switch v := x.(type): each clause declares its own v
			for _, c := range n.Body.List {
				if obj := p.info.Implicits[c]; obj != nil {
					a.declUnit[obj] = u
					if loop != nil {
						a.loopOf[obj] = loop
					}
				}
			}
		case *ast.SendStmt:
			u.direct = true
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				u.direct = true
			}
		case *ast.SelectStmt:
			u.direct = true
		case *ast.GoStmt:
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
				a.called[lit] = true
			}
			// the call's arguments run here, the function in the new goroutine
			a.walk(u, n.Call.Fun, loop)
			for _, arg := range n.Call.Args {
				a.walk(u, arg, loop)
			}
			return false
		case *ast.DeferStmt:
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
				a.called[lit] = true
			}
		case *ast.CallExpr:
			a.call(u, n)
			if a.toLibrary(n) {
				// the library calls it, a plain function or a generator alike
				for _, arg := range n.Args {
					if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
						a.libArg[lit] = true
					}
				}
			}
		}
		return true
	})
}

func (u *unit) addFree(v types.Object) {
	if !u.freeSet[v] {
		u.freeSet[v] = true
		u.free = append(u.free, v)
	}
}

func (a *analysis) noteAssign(u *unit, l ast.Expr) {
	id, ok := ast.Unparen(l).(*ast.Ident)
	if !ok || id.Name == "_" {
		return
	}
	obj := a.p.info.ObjectOf(id)
	if obj == nil {
		return
	}
	if !a.inPost {
		a.assigns[obj]++
	}
	if a.declUnit[obj] != u {
		u.assigned[obj] = true
	}
}

// call records what a call does to u: a blocking primitive, a call by name, or
// a call through a function value or an interface.
func (a *analysis) call(u *unit, c *ast.CallExpr) {
	p := a.p
	a.fmtCall(u, c)
	if x, method := libraryCallsProgram(p, c); x != nil {
		if method == "Write" && a.pipeWrite(p.info.TypeOf(x)) {
			u.direct = true
		}
		for _, fn := range a.programMethods(p.info.TypeOf(x), method) {
			u.calls = append(u.calls, a.byFunc[fn]) // fmt or io calls the program's Write or Close
		}
	}
	fun := ast.Unparen(c.Fun)
	if tv, ok := p.info.Types[fun]; ok && tv.IsType() {
		return // a conversion
	}
	if x := instantiated(p, fun); x != nil {
		fun = x // sync.OnceValue[int](f): the library's function, its type argument written out
	}
	switch f := fun.(type) {
	case *ast.FuncLit:
		a.called[f] = true
		u.dyn = append(u.dyn, "lit:"+p.where(f)) // resolved once the closure's unit exists: see solve
		return
	case *ast.Ident:
		switch obj := p.info.Uses[f].(type) {
		case *types.Builtin:
			if obj.Name() == "recover" {
				u.recovers = true
			}
			return
		case *types.Func:
			if cu := a.byFunc[obj]; cu != nil {
				u.calls = append(u.calls, cu)
			}
			return
		case *types.Var:
			if lit := a.litVar[obj]; lit != nil {
				u.pendingLit(a, lit)
				return
			}
			if a.stdVar[obj] {
				u.stdCalls = append(u.stdCalls, obj) // plain, unless reassigned: see solve
				return
			}
			u.dyn = append(u.dyn, familyOf(p, obj.Type()))
			return
		}
	case *ast.SelectorExpr:
		if sel := p.info.Selections[f]; sel != nil {
			fn, isFunc := sel.Obj().(*types.Func)
			if sel.Kind() == types.MethodVal && isFunc {
				if blockingMethod(fn) && (!isLocalInterface(p, sel.Recv()) || promotedIntoValue(p, sel)) || a.pipeRead(methodKey(fn), sel.Recv()) ||
					a.pools && methodKey(fn) == "sync.Pool.Get" {
					u.direct = true
					return
				}
				if types.IsInterface(sel.Recv()) || promotedFromInterface(p, sel) {
					if p.ours(fn.Pkg()) || isLocalInterface(p, sel.Recv()) || methodKey(fn) == "fmt.Stringer.String" {
						u.dyn = append(u.dyn, methodFamily(fn)) // s.String() of a fmt.Stringer: the program's may lock
					}
					return
				}
				if cu := a.byFunc[fn.Origin()]; cu != nil {
					u.calls = append(u.calls, cu)
				}
				return
			}
			if sel.Kind() == types.FieldVal {
				if n, ok := sel.Type().(*types.Named); ok && n.Obj().Pkg() != nil && !p.ours(n.Obj().Pkg()) {
					return // a context.CancelFunc field: what the library returned, a plain function
				}
				u.dyn = append(u.dyn, familyOf(p, sel.Type()))
				return
			}
			return
		}
		if obj, ok := p.info.Uses[f.Sel].(*types.Func); ok && obj.Pkg() != nil {
			if cu := a.byFunc[obj]; cu != nil { // worker.Start: a function of the module
				u.calls = append(u.calls, cu)
				return
			}
			switch obj.Pkg().Path() + "." + obj.Name() {
			case "time.Sleep", "runtime.Gosched", "runtime.Goexit", "os.Exit", "log.Fatalf", "log.Fatal", "log.Fatalln", "io.ReadFull", "io.ReadAtLeast",
				"testing/synctest.Test", "testing/synctest.Wait":
				u.direct = true // os.Exit and Goexit end the goroutine at a yield, not by unwinding
			case "io.ReadAll", "io.Copy", "io.CopyN", "io.CopyBuffer", "encoding/binary.ReadUvarint", "encoding/binary.ReadVarint", "fmt.Fscan", "fmt.Fscanln", "fmt.Fscanf", "encoding/json.Marshal", "encoding/json.MarshalIndent", "encoding/json.Unmarshal":
				u.direct = a.pipes || u.direct
			case "encoding/binary.Read", "encoding/binary.Write": // through io.ReadFull, or a Write
				u.direct = u.direct || a.pipes || !inMemoryIO(p, c.Args[0])
			case "log.Printf", "log.Print", "log.Println", "log.Panicf", "log.Panic", "log.Panicln",
				"log/slog.Debug", "log/slog.Info", "log/slog.Warn", "log/slog.Error",
				"log/slog.DebugContext", "log/slog.InfoContext", "log/slog.WarnContext", "log/slog.ErrorContext",
				"log/slog.Log", "log/slog.LogAttrs":
				u.direct = a.pipes || u.direct // the output may be a pipe's
			case "sync/atomic.LoadInt32", "sync/atomic.LoadInt64", "sync/atomic.LoadUint32", "sync/atomic.LoadUint64",
				"sync/atomic.StoreInt32", "sync/atomic.StoreInt64", "sync/atomic.StoreUint32", "sync/atomic.StoreUint64",
				"sync/atomic.AddInt32", "sync/atomic.AddInt64", "sync/atomic.AddUint32", "sync/atomic.AddUint64",
				"sync/atomic.SwapInt32", "sync/atomic.SwapInt64", "sync/atomic.SwapUint32", "sync/atomic.SwapUint64",
				"sync/atomic.CompareAndSwapInt32", "sync/atomic.CompareAndSwapInt64",
				"sync/atomic.CompareAndSwapUint32", "sync/atomic.CompareAndSwapUint64",
				"sync/atomic.AndInt32", "sync/atomic.AndInt64", "sync/atomic.AndUint32", "sync/atomic.AndUint64",
				"sync/atomic.OrInt32", "sync/atomic.OrInt64", "sync/atomic.OrUint32", "sync/atomic.OrUint64":
				u.direct = true // an atomic access is a yielded operation (a switch point)
			case "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
				// simlab's are generator functions (their callers may wait for the first
				// call): every function value of their type is called with yield from
				fam := familyOf(p, p.info.TypeOf(c))
				a.stdGen[fam] = true
				a.famDyn[fam] = true
			case "maps.Keys", "maps.Values", "maps.All", "slices.All", "slices.Values", "slices.Backward",
				"strings.FieldsSeq", "strings.FieldsFuncSeq", "strings.SplitSeq", "strings.SplitAfterSeq", "strings.Lines",
				"bytes.FieldsSeq", "bytes.FieldsFuncSeq", "bytes.SplitSeq", "bytes.SplitAfterSeq", "bytes.Lines":
				// an iterator, a generator function as the program's are: so is every
				// function of its type, and of its yield function's
				seq := under(p.info.TypeOf(c)).(*types.Signature)
				a.stdGen[familyOf(p, seq)] = true
				a.famDyn[familyOf(p, seq)] = true
				a.stdGen[familyOf(p, seq.Params().At(0).Type())] = true
			case "sort.Slice", "sort.SliceStable", "slices.SortFunc", "slices.SortStableFunc":
				// it calls less (cmp) in the goroutine: the sort blocks where it may
				if len(c.Args) == 2 {
					if lit, ok := ast.Unparen(c.Args[1]).(*ast.FuncLit); ok {
						u.pendingLit(a, lit)
					} else {
						u.dyn = append(u.dyn, familyOf(p, p.info.TypeOf(c.Args[1])))
					}
				}
			case "iter.Pull", "iter.Pull2":
				// next and stop resume the iterator, which may block: simlab's are
				// generator functions, and so is every function value of their types
				results := p.info.TypeOf(c).(*types.Tuple)
				for i := 0; i < results.Len(); i++ {
					fam := familyOf(p, results.At(i).Type())
					a.stdGen[fam] = true
					a.famDyn[fam] = true
				}
				seq := under(p.info.TypeOf(c.Args[0])).(*types.Signature)
				a.stdGen[familyOf(p, seq)] = true
				a.stdGen[familyOf(p, seq.Params().At(0).Type())] = true
			case "maps.Insert", "slices.AppendSeq":
				u.direct = true // it runs the iterator, its second argument, to its end
				seq := under(p.info.TypeOf(c.Args[1])).(*types.Signature)
				a.stdGen[familyOf(p, seq.Params().At(0).Type())] = true
			case "slices.Collect", "slices.Sorted", "maps.Collect", "slices.SortedFunc", "slices.SortedStableFunc":
				if len(c.Args) == 1 && libraryIterator(p, c.Args[0]) {
					break // slices.Sorted(maps.Keys(m)): the library's iterator never blocks
				}
				u.direct = true // it runs the iterator to its end: a generator
				seq := under(p.info.TypeOf(c.Args[0])).(*types.Signature)
				a.stdGen[familyOf(p, seq.Params().At(0).Type())] = true
				if len(c.Args) == 2 { // SortedFunc's cmp, called in the goroutine
					if lit, ok := ast.Unparen(c.Args[1]).(*ast.FuncLit); ok {
						u.pendingLit(a, lit)
					} else {
						u.dyn = append(u.dyn, familyOf(p, p.info.TypeOf(c.Args[1])))
					}
				}
			}
		}
		return
	}
	if t, ok := under(p.info.TypeOf(fun)).(*types.Signature); ok {
		u.dyn = append(u.dyn, familyOf(p, t)) // count(n)(yield) of an iter.Seq2 too
	}
}

// fmtCall records the String and Error methods of the program that a print
// (fmt's, log's, a test's Log) may call on its operands as calls of u: u blocks
// where one of them does, and prints with yield from go.stringed.
func (a *analysis) fmtCall(u *unit, c *ast.CallExpr) {
	ops, text := fmtOperands(a.p, c)
	for i, op := range ops {
		if !text[i] {
			continue
		}
		t := a.p.info.TypeOf(op)
		for _, fn := range a.fmtMethods(t) {
			u.calls = append(u.calls, a.byFunc[fn])
		}
	}
}

// fmtMethods: the String and Error methods of the program that fmt may call on
// an operand of type t: t's own, or, for an interface, those of every type of
// the program that implements it.
func (a *analysis) fmtMethods(t types.Type) []*types.Func {
	for seen := map[types.Type]bool{}; t != nil && !seen[t]; { // type Tree map[string]Tree
		seen[t] = true
		if _, isParam := t.(*types.TypeParam); isParam && !types.IsInterface(under(t)) {
			t = under(t) // S ~[]E: a slice, whose elements fmt prints so
			continue
		}
		out := a.programMethods(t, "Error", "String")
		if len(out) > 0 || types.IsInterface(t) {
			return out // a named slice or map type's own: fmt prints its elements by none
		}
		switch u := t.Underlying().(type) {
		case *types.Slice:
			t = u.Elem() // fmt prints each element so
		case *types.Array:
			t = u.Elem()
		case *types.Map:
			t = u.Elem()
		default:
			return nil
		}
	}
	return nil
}

// programMethods: the methods of the program with one of names that a call on a
// value of type t may run: t's own, or, for an interface, those of every type of
// the program that implements it (in the order of the source).
func (a *analysis) programMethods(t types.Type, names ...string) []*types.Func {
	if t == nil {
		return nil
	}
	var out []*types.Func
	if !types.IsInterface(t) {
		ms := types.NewMethodSet(t)
		for i := 0; i < ms.Len(); i++ {
			fn := ms.At(i).Obj().(*types.Func).Origin()
			if slices.Contains(names, fn.Name()) && a.byFunc[fn] != nil {
				out = append(out, fn)
			}
		}
		return out
	}
	iface, ok := under(t).(*types.Interface)
	if !ok {
		return a.programMethods(under(t), names...) // a type parameter's core type: S ~[]E
	}
	for fn := range a.byFunc {
		recv := fn.Type().(*types.Signature).Recv()
		if recv != nil && slices.Contains(names, fn.Name()) && types.Implements(recv.Type(), iface) {
			out = append(out, fn)
		}
	}
	slices.SortFunc(out, func(x, y *types.Func) int { return int(x.Pos() - y.Pos()) })
	return out
}

// libraryCallsProgram: the operand whose method a call of the library calls, and
// that method's name: the io.Writer fmt.Fprintf and io.WriteString write to, and
// the receiver of a Write, a Read or a Close called through io's interfaces; or nil.
func libraryCallsProgram(p *program, c *ast.CallExpr) (ast.Expr, string) {
	f, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	fn, ok := p.info.Uses[f.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil {
		return nil, ""
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "fmt.Fprint", "fmt.Fprintln", "fmt.Fprintf", "io.WriteString":
		if len(c.Args) > 0 {
			return c.Args[0], "Write"
		}
	}
	switch methodKey(fn) {
	case "strings.Replacer.WriteString":
		return c.Args[0], "Write"
	case "io.Writer.Write":
		return f.X, "Write"
	case "io.Closer.Close":
		return f.X, "Close"
	case "io.Reader.Read":
		return f.X, "Read"
	}
	return nil, ""
}

// writerOperand: the io.Writer a call of the library writes to through its Write
// method (see libraryCallsProgram), or nil.
func writerOperand(p *program, c *ast.CallExpr) ast.Expr {
	if x, method := libraryCallsProgram(p, c); method == "Write" {
		return x
	}
	return nil
}

// fmtOperands: the operands of a print whose verbs may call String or Error
// (after the format, if any), and for each whether its verb does (%v, %s, %q,
// %x, %X, %w, or a format not known until run time).
func fmtOperands(p *program, c *ast.CallExpr) ([]ast.Expr, []bool) {
	name := ""
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.SelectorExpr:
		fn, ok := p.info.Uses[f.Sel].(*types.Func)
		if !ok || fn.Pkg() == nil {
			return nil, nil
		}
		name = fn.Pkg().Path() + "." + fn.Name()
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
			name = methodKey(fn)
		}
	default:
		return nil, nil
	}
	args := c.Args
	formatted := strings.HasSuffix(name, "f")
	switch name {
	case "fmt.Println", "fmt.Print", "fmt.Printf", "fmt.Sprint", "fmt.Sprintln", "fmt.Sprintf", "fmt.Errorf",
		"log.Print", "log.Println", "log.Printf", "log.Fatal", "log.Fatalln", "log.Fatalf",
		"log.Panic", "log.Panicln", "log.Panicf", "log.Logger.Print", "log.Logger.Println", "log.Logger.Printf",
		"log.Logger.Fatal", "log.Logger.Fatalln", "log.Logger.Fatalf", "log.Logger.Panic", "log.Logger.Panicln",
		"log.Logger.Panicf",
		"testing.common.Log", "testing.common.Logf", "testing.common.Error", "testing.common.Errorf",
		"testing.common.Fatal", "testing.common.Fatalf", "testing.common.Skip", "testing.common.Skipf":
	case "fmt.Fprint", "fmt.Fprintln", "fmt.Fprintf":
		if len(args) == 0 {
			return nil, nil
		}
		args = args[1:]
	default:
		return nil, nil
	}
	return args, textVerbs(p, args, formatted)
}

// textVerbs: for each of a print's operands, whether fmt may print it by its
// String or Error method; with a format (args[0]) known now, by its verb.
func textVerbs(p *program, args []ast.Expr, formatted bool) []bool {
	text := make([]bool, len(args))
	var verbs []byte
	if formatted && len(args) > 0 {
		verbs = formatVerbs(p, args[0])
	}
	for i := range args {
		text[i] = true
		if formatted && i == 0 {
			text[i] = false // the format
		} else if j := i - 1; formatted && j < len(verbs) {
			text[i] = strings.IndexByte("vsqxXw", verbs[j]) >= 0
		}
	}
	return text
}

// formatVerbs: the verb of each operand of a print whose format is a constant,
// in order (%% takes none; a * width or precision takes an operand, its verb
// '*'); nil for a format known only at run time, or one that picks its operands
// by index (%[2]d).
func formatVerbs(p *program, format ast.Expr) []byte {
	matches, ok := formatDirectives(p, format)
	if !ok {
		return nil
	}
	if slices.ContainsFunc(matches, func(m []string) bool { return m[5] != "" }) {
		return indexedVerbs(matches)
	}
	var verbs []byte
	eachOperand(matches, func(_ int, verb byte) { verbs = append(verbs, verb) })
	return verbs
}

// formatDirectives: the directives of a print's constant format, as fmtVerb
// matches them, each verb's explicit index in m[5]; false for a format known only
// at run time, or one that picks a width's or a precision's operand by index.
func formatDirectives(p *program, format ast.Expr) ([][]string, bool) {
	v := p.info.Types[format].Value
	if v == nil || v.Kind() != constant.String {
		return nil, false
	}
	matches := fmtVerb.FindAllStringSubmatch(constant.StringVal(v), -1)
	for _, m := range matches {
		if m[1] != "" && m[2] == "" && m[3] == "" && m[4] == "" && m[5] == "" {
			m[1], m[5] = "", m[1] // %[1]d: the verb's index, which the regexp took for the width's
		}
		if m[1] != "" || m[3] != "" {
			return nil, false
		}
	}
	return matches, true
}

// eachOperand calls visit with each operand the directives of matches print and
// its verb, as fmt takes them: in order, or from an explicit index (%[2]d) on; a *
// width or precision takes an operand of its own first, its verb '*'. False for
// an index that names no operand.
func eachOperand(matches [][]string, visit func(at int, verb byte)) bool {
	next := 0
	for _, m := range matches {
		if m[6] == "%" {
			continue
		}
		for _, width := range []string{m[2], m[4]} {
			if width == "*" {
				visit(next, '*')
				next++
			}
		}
		if m[5] != "" {
			n, err := strconv.Atoi(m[5][1 : len(m[5])-1])
			if err != nil || n < 1 {
				return false
			}
			next = n - 1
		}
		visit(next, m[6][0])
		next++
	}
	return true
}

// textOperands: the operands of a print whose constant format picks them by
// index and gives one of them verbs fmt treats apart (%s %[1]d), which
// formatVerbs leaves unknown, that a verb prints as text or hex (s, q, x, X): a
// []byte there is a go.Bytes, which prints its numbers under the other verbs.
func textOperands(p *program, format ast.Expr) map[int]bool {
	matches, ok := formatDirectives(p, format)
	if !ok {
		return nil
	}
	ops := map[int]bool{}
	if !eachOperand(matches, func(at int, verb byte) { ops[at] = ops[at] || strings.IndexByte("sqxX", verb) >= 0 }) {
		return nil
	}
	return ops
}

// indexedVerbs: the verb of each operand of a format with explicit operand
// indexes (%[1]s %[1]x), by operand; nil where an operand is given verbs that
// fmt treats apart (%[1]T %[1]v), or a * width or precision is among them. An
// operand no verb names is 'v'.
func indexedVerbs(matches [][]string) []byte {
	var verbs []byte
	apart := false
	ok := eachOperand(matches, func(at int, verb byte) {
		for len(verbs) <= at {
			verbs = append(verbs, 0)
		}
		had := verbs[at]
		switch {
		case verb == '*' || had != 0 && had != verb && (strings.IndexByte("sqxX", had) < 0 || strings.IndexByte("sqxX", verb) < 0):
			apart = true
		case had == 0:
			verbs[at] = verb
		}
	})
	if !ok || apart {
		return nil
	}
	for i, verb := range verbs {
		if verb == 0 {
			verbs[i] = 'v'
		}
	}
	return verbs
}

// toLibrary: c calls a function or a method of the standard library.
func (a *analysis) toLibrary(c *ast.CallExpr) bool {
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := a.p.info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && !a.p.ours(fn.Pkg()) && a.byFunc[fn.Origin()] == nil
}

// libraryCall: e calls a function of another package whose results are plain
// functions (not sync.OnceFunc and kin, whose results simlab writes as generators).
func (a *analysis) libraryCall(e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	fn, ok := a.p.info.Uses[sel.Sel].(*types.Func)
	if !ok || fn.Pkg() == nil || a.p.ours(fn.Pkg()) {
		return false
	}
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues", "iter.Pull", "iter.Pull2":
		return false // generator functions, as the program's that may block
	}
	return !iteratorFunc[fn.Pkg().Path()+"."+fn.Name()]
}

// libraryIterator: e is a call of the library's that returns an iterator
// (maps.Keys(m)), which walks a copy of what it iterates and never blocks.
func libraryIterator(p *program, e ast.Expr) bool {
	c, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && (iteratorFunc[calleeName(p, c)] || calleeName(p, c) == "slices.Chunk")
}

// iteratorFunc: the standard library's functions that return an iterator, which
// simlab writes as a generator function, as it writes the program's.
var iteratorFunc = map[string]bool{
	"maps.Keys": true, "maps.Values": true, "maps.All": true,
	"slices.All": true, "slices.Values": true, "slices.Backward": true,
	"strings.FieldsSeq": true, "strings.FieldsFuncSeq": true, "strings.SplitSeq": true, "strings.SplitAfterSeq": true, "strings.Lines": true,
	"bytes.FieldsSeq": true, "bytes.FieldsFuncSeq": true, "bytes.SplitSeq": true, "bytes.SplitAfterSeq": true, "bytes.Lines": true,
}

// pendingLit: a call to a variable holding one known closure calls that closure.
func (u *unit) pendingLit(a *analysis, lit *ast.FuncLit) {
	if cu := a.byLit[lit]; cu != nil {
		u.calls = append(u.calls, cu)
	} else {
		u.dyn = append(u.dyn, "lit:"+a.p.where(lit))
	}
}

// promotedFromInterface: sel is a method that a struct's embedded interface of the
// program promotes (readOnly{Store}.Get): the value the field holds has it.
func promotedFromInterface(p *program, sel *types.Selection) bool {
	if len(sel.Index()) < 2 || types.IsInterface(sel.Recv()) {
		return false
	}
	recv := sel.Obj().Type().(*types.Signature).Recv()
	return recv != nil && types.IsInterface(recv.Type()) && isLocalInterface(p, recv.Type())
}

func isLocalInterface(p *program, t types.Type) bool {
	if tp, ok := t.(*types.TypeParam); ok {
		return isLocalInterface(p, tp.Constraint()) // func Keys[T Keyed](xs []T): x.Key()
	}
	if _, literal := t.(*types.Interface); literal {
		return true // interface{ Timeout() bool }, written in the program
	}
	n, ok := t.(*types.Named)
	return ok && (p.ours(n.Obj().Pkg()) || isNamed(n, "sync", "Locker") && p.localLocker())
}

// blockingMethod: methods of the standard library that block, in simlab a yield
// (and an access to one of sync/atomic's types or a sync.Map: a switch point, as
// Go may preempt between two of them).
func blockingMethod(fn *types.Func) bool {
	switch methodKey(fn) {
	case "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock", "sync.WaitGroup.Wait",
		"sync.Cond.Wait", "sync.Once.Do", "sync.Locker.Lock",
		// a test's FailNow and SkipNow end its goroutine: runtime.Goexit, yielded
		"testing.common.Fatal", "testing.common.Fatalf", "testing.common.FailNow",
		"testing.common.Skip", "testing.common.Skipf", "testing.common.SkipNow",
		"testing.T.Run",                                               // waits for the subtest
		"testing.F.Fuzz",                                              // runs the seed corpus, each input a subtest
		"testing.T.Setenv",                                            // a key os.Setenv refuses: t.Fatalf
		"testing.M.Run",                                               // runs the tests
		"log.Logger.Fatal", "log.Logger.Fatalf", "log.Logger.Fatalln", // os.Exit(1), yielded
		"flag.FlagSet.Parse", // ExitOnError's os.Exit, or a Set of the program's that blocks
		// a limited Group's Go waits for a slot; Wait waits for the group
		"golang.org/x/sync/errgroup.Group.Go", "golang.org/x/sync/errgroup.Group.Wait",
		"golang.org/x/sync/semaphore.Weighted.Acquire",
		"io.PipeReader.Read", "io.PipeWriter.Write", // a pipe's ends wait for each other
		"net.Conn.Read", "net.Conn.Write", // a net.Pipe's too, and a deadline's set waits for its timer
		"net.Conn.SetDeadline", "net.Conn.SetReadDeadline", "net.Conn.SetWriteDeadline":
		return true
	}
	return atomicMethod(fn) || syncMapMethod(fn)
}

// pipeRead: a method of the library (by methodKey, on a receiver of type recv)
// that reads from a reader that may be a pipe's, which blocks until a write, or
// writes to a pipe's writer: in a program that calls io.Pipe or net.Pipe, a
// bufio.Scanner's Scan, a bufio.Reader's reads, a bufio.Writer's writes and
// Flush, tabwriter's, log's and slog's lines, and Read through an interface.
func (a *analysis) pipeRead(key string, recv types.Type) bool {
	if !a.pipes {
		return false
	}
	switch key {
	case "bufio.Scanner.Scan", "bufio.Reader.Read", "bufio.Reader.ReadByte", "bufio.Reader.ReadRune",
		"bufio.Reader.ReadBytes", "bufio.Reader.ReadString", "bufio.Reader.ReadLine", "bufio.Reader.Peek", "bufio.Reader.Discard",
		// and a bufio.Writer's writes and Flush, whose output may be a pipe's
		"bufio.Writer.Write", "bufio.Writer.WriteString", "bufio.Writer.WriteByte", "bufio.Writer.WriteRune",
		"bufio.Writer.Flush",
		// and a tabwriter.Writer's and a log.Logger's lines
		"text/tabwriter.Writer.Write", "text/tabwriter.Writer.Flush", "log.Logger.Printf", "log.Logger.Print", "log.Logger.Println", "log.Logger.Panicf",
		"log.Logger.Panic", "log.Logger.Panicln",
		// and a slog.Logger's records
		"log/slog.Logger.Debug", "log/slog.Logger.Info", "log/slog.Logger.Warn", "log/slog.Logger.Error",
		"log/slog.Logger.DebugContext", "log/slog.Logger.InfoContext", "log/slog.Logger.WarnContext",
		"log/slog.Logger.ErrorContext", "log/slog.Logger.Log", "log/slog.Logger.LogAttrs",
		"log/slog.Handler.Enabled", "log/slog.Handler.Handle",
		// and encoding/json's streams
		"encoding/json.Encoder.Encode", "encoding/json.Decoder.Decode", "encoding/json.Decoder.More",
		// and encoding/csv's records
		"encoding/csv.Reader.Read", "encoding/csv.Reader.ReadAll", "encoding/csv.Writer.Write",
		"encoding/csv.Writer.WriteAll", "encoding/csv.Writer.Flush":
		return true
	case "io.Reader.Read":
		return types.IsInterface(recv)
	case "io.LimitedReader.Read":
		return true
	}
	return false
}

// pipeWrite: a write to a writer of type t may be to a pipe's, which blocks
// until a read takes it: an *io.PipeWriter, or in a program that calls io.Pipe or
// net.Pipe, an interface, a *bufio.Writer or a *tabwriter.Writer, or a struct
// of the program's whose Write an embedded net.Conn or io.Writer promotes.
func (a *analysis) pipeWrite(t types.Type) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		if n, ok := ptr.Elem().(*types.Named); ok && n.Obj().Pkg() != nil {
			switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
			case "io.PipeWriter":
				return true
			case "bufio.Writer", "text/tabwriter.Writer":
				return a.pipes
			}
		}
	}
	if a.pipes && !types.IsInterface(t) {
		// a struct of the program's embedding a net.Conn or an io.Writer: its Write
		obj, index, _ := types.LookupFieldOrMethod(t, true, a.p.pkg, "Write")
		if fn, ok := obj.(*types.Func); ok && len(index) > 1 && fn.Pkg() != nil && !a.p.ours(fn.Pkg()) {
			return true
		}
	}
	return a.pipes && types.IsInterface(t)
}

// syncMapMethod: a method of sync.Map, each an access simlab's Map has a goroutine
// yield (Range a generator it yields from, calling back into the program).
func syncMapMethod(fn *types.Func) bool {
	switch methodKey(fn) {
	case "sync.Map.Load", "sync.Map.Store", "sync.Map.LoadOrStore", "sync.Map.LoadAndDelete",
		"sync.Map.Delete", "sync.Map.Swap", "sync.Map.CompareAndSwap", "sync.Map.CompareAndDelete",
		"sync.Map.Clear", "sync.Map.Range":
		return true
	}
	return false
}

// atomicMethod: a method of sync/atomic's Bool, Int32, Int64, Uint32, Uint64,
// Pointer or Value that simlab's types of the same names have.
func atomicMethod(fn *types.Func) bool {
	kind, method, ok := strings.Cut(strings.TrimPrefix(methodKey(fn), "sync/atomic."), ".")
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "sync/atomic" {
		return false
	}
	switch method {
	case "Load", "Store", "Swap", "CompareAndSwap":
		return kind != "Uintptr"
	case "Add", "And", "Or":
		return strings.HasPrefix(kind, "Int") || kind == "Uint32" || kind == "Uint64"
	}
	return false
}

// atomicName: simlab's name of an atomicMethod, its Go name in snake case (and_
// and or_ for And and Or, Python's keywords).
func atomicName(fn *types.Func) string {
	name := snake(fn.Name())
	if name == "and" || name == "or" {
		name += "_"
	}
	return name
}

// methodKey is "pkg.Type.Method" for a method of a named type, else "".
func methodKey(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || fn.Pkg() == nil {
		return ""
	}
	t := sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok {
		if _, isIface := t.Underlying().(*types.Interface); isIface {
			return fn.Pkg().Path() + ".?." + fn.Name()
		}
		return ""
	}
	if fn.Pkg().Path() == "testing" && n.Obj().Name() == "TB" {
		// a helper's tb testing.TB: the *T (or *B) it holds, whose methods are common's
		if fn.Name() == "Setenv" {
			return "testing.T.Setenv"
		}
		return "testing.common." + fn.Name()
	}
	return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
}

// under: t's underlying type; for a type parameter whose constraint has one slice
// or map type as its core (S ~[]E), that type, as Go's ranging, indexing, len and
// append take it.
func under(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if tp, ok := t.(*types.TypeParam); ok {
		if iface, ok := tp.Constraint().Underlying().(*types.Interface); ok && iface.NumEmbeddeds() == 1 {
			core := iface.EmbeddedType(0)
			if u, ok := core.(*types.Union); ok && u.Len() == 1 {
				core = u.Term(0).Type()
			}
			switch c := core.Underlying().(type) {
			case *types.Slice, *types.Map, *types.Pointer, *types.Chan: // PT interface{ *T }: *p is a T
				return c
			}
		}
	}
	return t.Underlying()
}

// familyOf is the key of every function value of one signature.
func familyOf(p *program, t types.Type) string {
	sig, ok := under(t).(*types.Signature)
	if !ok {
		return "value:?"
	}
	return "func:" + sigKey(sig)
}

func methodFamily(fn *types.Func) string {
	return "method:" + fn.Name() + sigKey(fn.Type().(*types.Signature))
}

// sigKey: a signature as a family's key; a type that holds a type parameter is
// "?", which stands for any type (a func(T) field of a generic type may hold any
// func(int): see related).
func sigKey(sig *types.Signature) string {
	var b strings.Builder
	b.WriteString("(")
	for i := 0; i < sig.Params().Len(); i++ {
		b.WriteString(familyType(sig.Params().At(i).Type()) + ",")
	}
	if sig.Variadic() {
		b.WriteString("...")
	}
	b.WriteString(")(")
	for i := 0; i < sig.Results().Len(); i++ {
		b.WriteString(familyType(sig.Results().At(i).Type()) + ",")
	}
	b.WriteString(")")
	return b.String()
}

func familyType(t types.Type) string {
	if tp, ok := t.(*types.TypeParam); ok && orderedOnly(tp.Constraint()) {
		return "?o"
	}
	if hasTypeParam(t) {
		return "?"
	}
	return typeKey(t)
}

// orderedOnly: every type in the constraint's type set is a number or a string
// (cmp.Ordered, ~int | ~float64): a type parameter so constrained is never bool,
// so a func(T) O of it is never a func(string) bool, a range-over-func's yield.
func orderedOnly(constraint types.Type) bool {
	iface, ok := constraint.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			all := true
			for j := 0; j < e.Len(); j++ {
				b, ok := e.Term(j).Type().Underlying().(*types.Basic)
				all = all && ok && b.Info()&(types.IsNumeric|types.IsString) != 0
			}
			if all {
				return true
			}
		default:
			if orderedOnly(e) {
				return true
			}
		}
	}
	return false
}

// typeKey: t written without its func types' parameter names, which make no
// other type (func(v int) is func(value int)), as types.TypeString keeps them.
func typeKey(t types.Type) string {
	switch t := t.(type) {
	case *types.Signature:
		tuple := func(tu *types.Tuple, variadic bool) string {
			var parts []string
			for i := 0; i < tu.Len(); i++ {
				if variadic && i == tu.Len()-1 {
					parts = append(parts, "..."+typeKey(tu.At(i).Type().(*types.Slice).Elem()))
					continue
				}
				parts = append(parts, typeKey(tu.At(i).Type()))
			}
			return "(" + strings.Join(parts, ", ") + ")"
		}
		return "func" + tuple(t.Params(), t.Variadic()) + tuple(t.Results(), false)
	case *types.Pointer:
		return "*" + typeKey(t.Elem())
	case *types.Slice:
		return "[]" + typeKey(t.Elem())
	case *types.Array:
		return "[" + strconv.FormatInt(t.Len(), 10) + "]" + typeKey(t.Elem())
	case *types.Map:
		return "map[" + typeKey(t.Key()) + "]" + typeKey(t.Elem())
	case *types.Chan:
		return map[types.ChanDir]string{types.SendRecv: "chan ", types.SendOnly: "chan<- ", types.RecvOnly: "<-chan "}[t.Dir()] + typeKey(t.Elem())
	}
	return types.TypeString(t, nil)
}

// hasTypeParam: t is or holds a type parameter.
func hasTypeParam(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Pointer:
		return hasTypeParam(t.Elem())
	case *types.Slice:
		return hasTypeParam(t.Elem())
	case *types.Array:
		return hasTypeParam(t.Elem())
	case *types.Chan:
		return hasTypeParam(t.Elem())
	case *types.Map:
		return hasTypeParam(t.Key()) || hasTypeParam(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if hasTypeParam(t.Field(i).Type()) {
				return true
			}
		}
	case *types.Signature:
		for _, tuple := range []*types.Tuple{t.Params(), t.Results()} {
			for i := 0; i < tuple.Len(); i++ {
				if hasTypeParam(tuple.At(i).Type()) {
					return true
				}
			}
		}
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			if hasTypeParam(t.TypeArgs().At(i)) {
				return true
			}
		}
	}
	return false
}

// related: two families may hold the same function: equal, or equal but where
// one has "?", a type that holds a type parameter, which stands for any one type,
// or "?o", a type parameter that stands for any type but bool and func types. A
// "?" is one parameter's or result's type: func(T) bool is not func(a, b T) bool.
func related(x, y string) bool {
	if x == y {
		return true
	}
	xp, xs := familyParts(x)
	yp, ys := familyParts(y)
	if xs == nil || ys == nil || xp != yp || len(xs) != len(ys) {
		return false
	}
	for i := range xs {
		if !relatedPart(xs[i], ys[i]) && !relatedPart(ys[i], xs[i]) {
			return false
		}
	}
	return true
}

func relatedPart(pattern, t string) bool {
	return pattern == t || pattern == "?" || pattern == "?o" && t != "bool" && !strings.ContainsAny(t, "(,")
}

// familyParts splits a family's key, "func:(int,?,)(bool,)", into what comes
// before its parameters ("func:") and the types of its parameters and results,
// the two lists apart by a ")(" of their own; nil where it has no parameters.
func familyParts(key string) (string, []string) {
	open := strings.IndexByte(key, '(')
	if open < 0 {
		return key, nil
	}
	var parts []string
	depth, start := 0, open+1
	for i := open; i < len(key); i++ {
		switch key[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
			if depth == 0 {
				if i > start {
					parts = append(parts, key[start:i]) // a variadic list's "..."
				}
				parts = append(parts, ")(")
				start = i + 2
			}
		case ',':
			if depth == 1 {
				parts = append(parts, key[start:i])
				start = i + 1
			}
		}
	}
	return key[:open], parts
}

// relatedIn: some family of set is related to f.
// calledAsGenerator: a dynamic call that may reach a function value of the family
// fam is a yield from, because another function it may call is a generator.
func (a *analysis) calledAsGenerator(fam string) bool {
	for d := range a.famDyn {
		if related(d, fam) && relatedIn(a.famGen, d) {
			return true
		}
	}
	return false
}

func relatedIn(set map[string]bool, f string) bool {
	if set[f] {
		return true
	}
	for g := range set {
		if (strings.Contains(f, "?") || strings.Contains(g, "?")) && related(f, g) {
			return true
		}
	}
	return false
}

// genFamily: a function value of family f may be a generator, so that a call
// through it is a yield from.
func (a *analysis) genFamily(f string) bool { return relatedIn(a.famGen, f) }

// solve computes which units become generators: a unit blocks if it blocks
// itself, calls a unit that does, or calls through a function value or an
// interface one of whose possible targets does; every possible target of such
// a dynamic call then becomes a generator too, so that the call can always be
// `yield from`.
func (a *analysis) solve() {
	p := a.p
	// a library's function held in a variable assigned again may be anything of its type
	for _, u := range a.units {
		for _, obj := range u.stdCalls {
			if a.assigns[obj] > 0 {
				u.dyn = append(u.dyn, familyOf(p, obj.Type()))
			}
		}
	}
	// closures called by variable were seen before their unit existed
	for _, u := range a.units {
		var dyn []string
		for _, d := range u.dyn {
			if strings.HasPrefix(d, "lit:") {
				for lit, cu := range a.byLit {
					if "lit:"+p.where(lit) == d {
						u.calls = append(u.calls, cu)
					}
				}
				continue
			}
			dyn = append(dyn, d)
			a.famDyn[d] = true
		}
		u.dyn = dyn
	}
	// families: closures and functions used as values, methods by name
	for _, u := range a.units {
		if u.lit != nil && !a.called[u.lit] && !a.libArg[u.lit] {
			u.families = append(u.families, "func:"+sigKey(u.sig))
		}
		if u.decl != nil && u.decl.Recv != nil {
			fn := p.info.Defs[u.decl.Name].(*types.Func)
			u.families = append(u.families, methodFamily(fn))
		}
	}
	for id, obj := range p.info.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || a.byFunc[fn] == nil {
			continue
		}
		if !a.isCallee(id) {
			u := a.byFunc[fn]
			sig := fn.Type().(*types.Signature)
			key := "func:" + sigKey(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
			u.families = appendOnce(u.families, key)
		}
	}
	for sx, sel := range p.info.Selections {
		fn, ok := sel.Obj().(*types.Func)
		if ok && sel.Kind() == types.MethodVal && atomicMethod(fn) && !a.isCallee(sx.Sel) {
			// read := hits.Load: an atomic operation is yielded, so the value is a
			// generator function (go.yielding), and so is every function of its type
			fam := familyOf(p, p.info.TypeOf(sx))
			a.stdGen[fam], a.famDyn[fam] = true, true
			continue
		}
		if ok && sel.Kind() == types.MethodExpr && a.byFunc[fn.Origin()] != nil {
			// (*W).Run: a function of the receiver and the method's parameters
			u := a.byFunc[fn.Origin()]
			u.families = appendOnce(u.families, familyOf(p, sel.Type()))
			continue
		}
		if ok && sel.Kind() == types.MethodExpr && types.IsInterface(sel.Recv()) {
			// Component.Start: a function that runs the method of the value it is
			// given, one of the interface's implementations
			for _, u := range a.units {
				if slices.Contains(u.families, methodFamily(fn)) {
					u.families = appendOnce(u.families, familyOf(p, sel.Type()))
				}
			}
			continue
		}
		if ok && sel.Kind() == types.MethodVal && !a.isCallee(sx.Sel) && types.IsInterface(fn.Type().(*types.Signature).Recv().Type()) {
			// st.Get as a value: the function it gives is one of the interface's
			// implementations, each then a member of the value's family too
			sig := fn.Type().(*types.Signature)
			key := "func:" + sigKey(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
			for _, u := range a.units {
				if slices.Contains(u.families, methodFamily(fn)) {
					u.families = appendOnce(u.families, key)
				}
			}
			continue
		}
		if !ok || sel.Kind() != types.MethodVal || a.byFunc[fn.Origin()] == nil || a.isCallee(sx.Sel) {
			continue
		}
		u := a.byFunc[fn.Origin()]
		sig := fn.Type().(*types.Signature)
		key := "func:" + sigKey(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))
		u.families = appendOnce(u.families, key)
	}
	for changed := true; changed; {
		changed = false
		famGen := map[string]bool{}
		for f := range a.stdGen {
			famGen[f] = true
		}
		for _, u := range a.units {
			if u.gen {
				for _, f := range u.families {
					famGen[f] = true
				}
			}
		}
		dynGen := map[string]bool{} // dynamic calls that may reach a generator
		for d := range a.famDyn {
			dynGen[d] = relatedIn(famGen, d)
		}
		for _, u := range a.units {
			if u.gen {
				continue
			}
			g := u.direct
			for _, c := range u.calls {
				g = g || c.gen
			}
			for _, d := range u.dyn {
				g = g || relatedIn(famGen, d)
			}
			forced := false
			for _, f := range u.families {
				// a dynamic call of a family related to f may reach a generator: every
				// function it may call is one, so that it can be a yield from
				for d := range a.famDyn {
					if related(d, f) && dynGen[d] {
						forced = true
					}
				}
			}
			if g || forced {
				u.gen, u.forced, changed = true, !g && forced, true
			}
		}
	}
	a.famGen = map[string]bool{}
	for f := range a.stdGen {
		a.famGen[f] = true
	}
	for _, u := range a.units {
		if u.gen {
			for _, f := range u.families {
				a.famGen[f] = true
			}
		}
	}
}

func appendOnce(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// isCallee: is this identifier the function of a call expression?
func (a *analysis) isCallee(id *ast.Ident) bool {
	if a.callees == nil {
		a.callees = map[*ast.Ident]bool{}
		for _, f := range a.p.files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					switch fn := ast.Unparen(c.Fun).(type) {
					case *ast.Ident:
						a.callees[fn] = true
					case *ast.SelectorExpr:
						a.callees[fn.Sel] = true
					}
				}
				if g, ok := n.(*ast.GoStmt); ok {
					// go f(x): f runs as a goroutine, whatever it is
					switch fn := ast.Unparen(g.Call.Fun).(type) {
					case *ast.Ident:
						a.callees[fn] = true
					case *ast.SelectorExpr:
						a.callees[fn.Sel] = true
					}
				}
				return true
			})
		}
	}
	return a.callees[id]
}
