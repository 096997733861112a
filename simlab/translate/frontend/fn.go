package main

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// fn writes one Python function: a Go function, method or closure.
type fn struct {
	m      *module
	p      *program
	u      *unit
	parent *fn
	indent int
	lines  []string
	names  map[types.Object]string
	used   map[string]bool

	backingArrays map[types.Object]string // the go.Backing of each of m.backings declared here

	loops        []loopInfo // enclosing Go loops, innermost last
	switches     int        // enclosing switch/select cases inside the innermost loop
	deferLst     string     // the defer list's name, in list mode
	deferGen     bool       // a call in the defer list may block
	resultsLast  bool       // a deferred closure sets a named result: return them after the defers
	earlyReturns bool       // and the function returns before its end: see returnStmt
	results      []string   // names of named results

	// per statement
	pre       []string                 // lines hoisted before the statement (receives in expressions)
	line      int                      // the Go line of the statement being written
	called    bool                     // a call was rendered in the statement so far
	callee    ast.Expr                 // the function of the call being rendered
	stmtCall  *ast.CallExpr            // the call of a statement, whose results no one reads
	fallTo    string                   // what a fallthrough in the case being rendered does
	shortCkt  int                      // inside the right operand of && or ||
	unwrapped map[*ast.BinaryExpr]bool // operands whose parent wraps them (see binary)
	operands  map[ast.Expr]bool        // constants an operator takes as they are (see exprOf)
	hoisted   map[ast.Expr]string      // operands read into temporaries first (see lhsList, deferValues)
	shared    map[types.Object]bool    // its variables a closure uses or an address holds (sharedVars)
}

type loopInfo struct {
	label  string
	node   ast.Node
	python bool // a Python loop of its own (always, for now)
	// the one-iteration loop of a switch or select case that a break leaves early
	switchCase bool
	// break L and continue L from a loop inside this one: flags set before a plain
	// break out of the inner loops, each of which tests them as it ends
	breakFlag, continueFlag string
	checks                  []string // the flags this loop tests once it has ended
	post                    ast.Stmt // a while loop's post statement, which a continue runs first
	// the loop's variables that live in a go.Ref, which a closure of the body
	// captures and the body assigns: each iteration's is a copy of the last's
	iterVars []types.Object
}

func (m *module) newFunc(u *unit, parent *fn) *fn {
	return &fn{m: m, p: m.p, u: u, parent: parent, names: map[types.Object]string{}, used: map[string]bool{}}
}

func (f *fn) w(format string, args ...any) {
	f.lines = append(f.lines, strings.Repeat("    ", f.indent)+fmt.Sprintf(format, args...))
}

// wl writes a line ending in the Go line's marker.
func (f *fn) wl(line int, format string, args ...any) {
	f.w(format+"  # L%d", append(args, line)...)
}

func (f *fn) flushPre() {
	for _, l := range f.pre {
		f.wl(f.line, "%s", l)
	}
	f.pre = nil
}

// ----- names --------------------------------------------------------------

func (f *fn) taken(name string) bool {
	if f.m.reserved[name] {
		return true
	}
	for g := f; g != nil; g = g.parent {
		if g.used[name] {
			return true
		}
	}
	return false
}

func (f *fn) alloc(obj types.Object, base string) string {
	if base == "_" {
		return "_"
	}
	name := base
	for i := 1; f.taken(name); i++ {
		name = fmt.Sprintf("%s_%d", base, i)
	}
	f.used[name] = true
	if obj != nil {
		f.names[obj] = name
	}
	return name
}

func (f *fn) temp(base string) string { return f.alloc(nil, base) }

// name is the Python name of a variable, constant or function.
func (f *fn) name(obj types.Object) string {
	for g := f; g != nil; g = g.parent {
		if n, ok := g.names[obj]; ok {
			return n
		}
	}
	if n, ok := f.m.globals[obj]; ok {
		return n
	}
	return obj.Name()
}

// define names a variable declared at id in this function.
func (f *fn) define(id *ast.Ident) string {
	if id.Name == "_" {
		return "_"
	}
	obj := f.p.info.Defs[id]
	if obj == nil {
		obj = f.p.info.Uses[id] // := redeclaring an existing variable
		if f.m.boxed[obj] {
			return f.cell(obj)
		}
		return f.name(obj)
	}
	if n, ok := f.names[obj]; ok {
		return n
	}
	if f.u.parent == nil && f.u.decl == nil && f.p.packageLevel(obj) {
		return f.m.globals[obj] // a package-level variable in bind()
	}
	return f.alloc(obj, obj.Name())
}

// ----- the function -------------------------------------------------------

func (f *fn) function() {
	u, p := f.u, f.p
	var params []string
	var ft *ast.FuncType
	if u.decl != nil {
		ft = u.decl.Type
		if u.decl.Recv != nil {
			r := u.decl.Recv.List[0]
			if len(r.Names) > 0 && r.Names[0].Name != "_" {
				params = append(params, f.define(r.Names[0]))
			} else {
				params = append(params, f.temp("self"))
			}
		}
	} else {
		ft = u.lit.Type
	}
	for _, fld := range ft.Params.List {
		if len(fld.Names) == 0 {
			params = append(params, f.temp("arg"))
		}
		for _, n := range fld.Names {
			if n.Name == "_" {
				params = append(params, f.temp("arg"))
				continue
			}
			params = append(params, f.define(n))
		}
		if _, ok := fld.Type.(*ast.Ellipsis); ok {
			params[len(params)-1] = "*" + params[len(params)-1]
		}
	}
	if u.decl != nil && u.decl.Type.TypeParams != nil {
		// type parameters are keyword-only arguments, by their Go names (the callers
		// name them): each the maker of its type's zero value
		if len(params) == 0 || !strings.HasPrefix(params[len(params)-1], "*") {
			params = append(params, "*")
		}
		for _, fld := range u.decl.Type.TypeParams.List {
			for _, n := range fld.Names {
				f.names[p.info.Defs[n]] = n.Name
				f.used[n.Name] = true
				params = append(params, n.Name)
			}
		}
	}
	nilSafeGeneric := false // func (t *Tree[T]) Insert(v T) *Tree[T] { if t == nil {...} }: see below
	if u.decl != nil && u.decl.Recv != nil {
		if fn, ok := p.info.Defs[u.decl.Name].(*types.Func); ok && p.nilSafe[fn] && fn.Type().(*types.Signature).RecvTypeParams().Len() > 0 &&
			isStructPointer(fn.Type().(*types.Signature).Recv().Type()) { // a generic slice's methods take T below
			nilSafeGeneric = true
			if len(params) == 0 || !strings.HasPrefix(params[len(params)-1], "*") {
				params = append(params, "*")
			}
			origin := namedOf(fn.Type().(*types.Signature).Recv().Type()).Origin()
			for i := 0; i < origin.TypeParams().Len(); i++ {
				params = append(params, origin.TypeParams().At(i).Obj().Name()+"=None")
			}
		}
	}
	var renamed []string // func (s set[E]) add(v E): E = T
	if generic, tps := f.valueGeneric(u); generic != nil {
		// a method of a generic slice or map type: a plain list or dict keeps no
		// type arguments, so the caller passes the receiver's, as a generic
		// function's (set.add(s, v, T=str))
		if len(params) == 0 || !strings.HasPrefix(params[len(params)-1], "*") {
			params = append(params, "*")
		}
		for i := 0; i < tps.Len(); i++ {
			name, origin := tps.At(i).Obj().Name(), generic.TypeParams().At(i).Obj().Name()
			f.used[origin] = true
			params = append(params, origin)
			if name != origin && name != "_" {
				f.used[name] = true
				renamed = append(renamed, name+" = "+origin)
			}
		}
	}
	// variables of an enclosing loop iteration are bound when the closure is made
	var bound []string
	if u.lit != nil {
		for _, v := range u.free {
			if f.m.a.declUnit[v] == u.parent && f.m.a.loopOf[v] != nil && !f.m.sharedLoopVar(v) {
				if fs, ok := f.m.a.loopOf[v].(*ast.ForStmt); ok && !u.assigned[v] && fs.Cond != nil && fs.Cond.Pos() <= u.lit.Pos() && u.lit.End() <= fs.Cond.End() {
					continue // made anew each time the condition is evaluated: the current iteration's
				}
				outer := f.parent.name(v)
				if f.m.a.assigns[v] > 0 && !f.m.boxed[v] {
					p.unsupported(u.lit, "a closure capturing a loop iteration's variable "+v.Name()+" that is reassigned",
						"a variable assigned once per iteration")
				}
				f.names[v] = outer
				f.used[outer] = true
				bound = append(bound, outer+"="+outer)
			}
		}
	}
	params = append(params, bound...)
	file := u.file
	f.w("@sl.gofunc(%q, file=%q)", u.name, file)
	defName := f.defName()
	line := p.line(u.body)
	if u.decl != nil {
		line = p.line(u.decl)
	} else {
		line = p.line(u.lit)
	}
	f.wl(line, "def %s(%s):", defName, strings.Join(params, ", "))
	f.indent++
	// global and nonlocal declarations
	var globals, nonlocals []string
	for v := range u.assigned {
		if p.packageLevel(v) {
			globals = append(globals, f.name(v))
		} else if f.m.a.declUnit[v] != u && f.m.a.declUnit[v] != nil {
			if f.m.a.loopOf[v] != nil && u.lit != nil && f.m.a.declUnit[v] == u.parent && !f.m.sharedLoopVar(v) {
				continue // reported above
			}
			nonlocals = append(nonlocals, f.name(v))
		}
	}
	sortStrings(globals)
	sortStrings(nonlocals)
	if len(globals) > 0 {
		f.w("global %s", strings.Join(globals, ", "))
	}
	if len(nonlocals) > 0 {
		f.w("nonlocal %s", strings.Join(nonlocals, ", "))
	}
	for _, r := range renamed {
		f.wl(line, "%s  # the receiver's type parameter", r)
	}
	if generic, _ := f.valueGeneric(u); u.decl != nil && u.decl.Recv != nil && generic == nil {
		// a method of a generic struct type: its type parameters are the receiver's type arguments
		if sig := p.info.Defs[u.decl.Name].(*types.Func).Type().(*types.Signature); sig.RecvTypeParams().Len() > 0 {
			named := sig.Recv().Type()
			if ptr, ok := named.(*types.Pointer); ok {
				named = ptr.Elem()
			}
			var names, args, kws []string // kws: the type's own names, the keywords of a nil-safe method
			origin := named.(*types.Named).Origin()
			for i := 0; i < sig.RecvTypeParams().Len(); i++ {
				name := sig.RecvTypeParams().At(i).Obj().Name()
				if name == "_" {
					continue
				}
				f.used[name] = true
				names = append(names, name)
				kws = append(kws, origin.TypeParams().At(i).Obj().Name())
				args = append(args, params[0]+"."+f.m.typeParamSlot(origin.Obj(), kws[len(kws)-1]))
			}
			if len(names) > 0 && nilSafeGeneric {
				// the receiver may be nil: its callers pass its type arguments (Tree.Insert(t, v,
				// T=int)), but for a method value or expression, (*Node[int]).Height, which do not
				for i, name := range names {
					f.wl(line, "%s = %s if %s is None and %s is not None else %s  # the type arguments of %s", name, args[i], kws[i], params[0], kws[i], params[0])
				}
			} else if len(names) > 0 {
				f.wl(line, "%s = %s  # the type arguments of %s", strings.Join(names, ", "), strings.Join(args, ", "), params[0])
			}
		}
	}
	if u.decl != nil && f.m.a.writtenRecv[u.decl] {
		f.m.copyable(u.sig.Recv().Type(), u.decl)
		f.wl(line, "%s = go.copy(%s)  # a value receiver, which the method writes: its own copy", params[0], params[0])
	}
	if ft.Results != nil {
		var names, zs []string
		for _, fld := range ft.Results.List {
			for _, n := range fld.Names {
				name := f.define(n)
				if name == "_" {
					name = f.temp("result")
				}
				z, _ := f.m.zero(p.info.TypeOf(fld.Type), fld)
				names, zs = append(names, name), append(zs, z)
				if obj := p.info.Defs[n]; obj != nil && f.m.boxed[obj] {
					// defer record(&steps): its address is taken, a go.Ref the deferred
					// calls may write through before the function returns it
					zs[len(zs)-1] = boxer(obj) + "(" + z + ")"
					name = f.cell(obj)
					if hasDefer(u.body) {
						f.resultsLast, f.earlyReturns = true, !returnsLastOnly(u.body)
					}
				}
				f.results = append(f.results, name)
			}
		}
		if len(names) > 0 {
			f.wl(p.line(ft.Results), "%s = %s", strings.Join(names, ", "), strings.Join(zs, ", "))
		}
	}
	var lits []*ast.FuncLit
	if u.body != nil && hasDefer(u.body) {
		// the closures it defers, and any other (f := func() { n *= 10 }; defer f():
		// a closure held in a variable, which a deferred call may run)
		ast.Inspect(u.body, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				lits = append(lits, lit)
			}
			return true
		})
	}
	for _, lit := range lits {
		for v := range f.m.a.byLit[lit].assigned {
			if f.m.a.resultVar[v] && f.m.a.declUnit[v] == u {
				// the function returns its named results once the deferred calls ran:
				// a return sets them (an early one raises go.Return to leave the body),
				// and the Python return comes after
				f.resultsLast = true
				f.earlyReturns = !returnsLastOnly(u.body)
			}
		}
	}
	if last := ft.Params.List; len(last) > 0 {
		fld := last[len(last)-1]
		if _, ok := fld.Type.(*ast.Ellipsis); ok && len(fld.Names) == 1 && fld.Names[0].Name != "_" {
			if obj := p.info.Defs[fld.Names[0]]; obj != nil && f.m.variadicSlice(u.body, obj) {
				name, nilArg := f.name(obj), ""
				if f.m.nilSlices {
					nilArg = ", nil=True"
				}
				f.wl(line, "%s = go.variadic(%s%s)  # a slice, as Go's ...T parameter is", name, name, nilArg)
			}
		}
	}
	for _, fld := range ft.Params.List {
		for _, n := range fld.Names {
			if obj := p.info.Defs[n]; obj != nil && f.m.boxed[obj] {
				name := f.name(obj)
				f.wl(line, "%s = %s(%s)  # its address is taken: a variable shared by reference", name, boxer(obj), name)
			}
		}
	}
	if u.forced {
		f.w("yield from ()  # never blocks; a generator like the functions it may stand for")
	}
	if f.earlyReturns {
		f.w("try:")
		f.indent++
	}
	start := len(f.lines)
	f.body(u.body.List)
	if len(f.lines) == start {
		f.w("pass")
	}
	if f.earlyReturns {
		f.indent--
		f.w("except go.Return:  # a return statement, and the deferred calls ran")
		f.w("    pass")
	}
	if f.resultsLast && !strings.HasPrefix(f.lines[len(f.lines)-1], strings.Repeat("    ", f.indent)+"return ") {
		f.w("return %s  # the named results, as the deferred calls left them", strings.Join(f.results, ", "))
	}
	f.indent--
}

// returnsLastOnly: the function's one return statement is its last statement.
func returnsLastOnly(body *ast.BlockStmt) bool {
	n := 0
	ast.Inspect(body, func(m ast.Node) bool {
		switch m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
		}
		return true
	})
	if n == 0 {
		return true
	}
	last := body.List[len(body.List)-1]
	_, ok := last.(*ast.ReturnStmt)
	return n == 1 && ok
}

func (f *fn) defName() string {
	u := f.u
	if u.decl != nil {
		if u.decl.Recv != nil {
			return fieldName(u.decl.Name.Name)
		}
		if u.decl.Name.Name == "init" {
			return f.m.initName(u)
		}
		return f.m.globals[f.p.info.Defs[u.decl.Name]]
	}
	// a closure: func1, func1_2 for func1.2
	i := strings.LastIndex(u.name, ".func")
	tail := u.name[i+1:]
	return f.parent.temp(strings.ReplaceAll(tail, ".", "_"))
}

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// body writes a function body, with Go's defers as try/finally: nested try
// blocks for defers at the top level of the function, a list of deferred
// calls when a defer sits in a loop or a branch.
func (f *fn) body(stmts []ast.Stmt) {
	nested := false
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				if n != s {
					nested = true
				}
			}
			return true
		})
	}
	if nested {
		f.deferLst = f.temp("defers")
		f.w("%s = []", f.deferLst)
		if d := f.recoveringDefer(stmts); d != nil {
			// with go.deferring(defers): the list's calls run as go.defer runs one,
			// where recover stops the panic
			f.w("with go.deferring(%s):", f.deferLst)
			f.indent++
			f.stmts(stmts)
			f.indent--
			if f.deferGen {
				f.p.unsupported(d, "a deferred function that calls recover in a function whose defers in a loop or a branch "+
					"include a call that may block", "defer the recovering function at the top and move the other defers into a function of their own")
			}
			f.recoveredReturn(d)
			return
		}
		f.w("try:")
		f.indent++
		f.stmts(stmts)
		f.indent--
		f.w("finally:")
		if f.deferGen {
			f.w("    yield from go.run_blocking_defers(%s)  # a deferred call may block", f.deferLst)
		} else {
			f.w("    go.run_defers(%s)", f.deferLst)
		}
		return
	}
	f.topStmts(stmts)
}

// recoveringDefer: the first defer statement of stmts (not of a function literal)
// whose function calls recover, or may be one that does; else nil.
func (f *fn) recoveringDefer(stmts []ast.Stmt) *ast.DeferStmt {
	var found *ast.DeferStmt
	for _, s := range stmts {
		ast.Inspect(s, func(n ast.Node) bool {
			switch d := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.DeferStmt:
				if found == nil && f.recovering(d) {
					found = d
				}
			}
			return found == nil
		})
	}
	return found
}

// recovering: the deferred function calls recover, or is a function value of the
// type of one of the program's functions that do (mayRecover).
func (f *fn) recovering(d *ast.DeferStmt) bool {
	cu := f.calleeUnit(d.Call.Fun)
	return cu != nil && cu.recovers || cu == nil && f.mayRecover(d.Call.Fun)
}

// valueGeneric: for a method u of a generic named slice, map or func type (a
// value class), that type and its receiver's type parameters as u names them
// (func (s Set[E]) Has: E); else nil.
func (f *fn) valueGeneric(u *unit) (*types.Named, *types.TypeParamList) {
	if u.decl == nil || u.decl.Recv == nil {
		return nil, nil
	}
	sig := f.p.info.Defs[u.decl.Name].(*types.Func).Type().(*types.Signature)
	n := namedOf(sig.Recv().Type())
	if n == nil || sig.RecvTypeParams().Len() == 0 || !f.m.values[n.Origin().Obj()] {
		return nil, nil
	}
	return n.Origin(), sig.RecvTypeParams()
}

// namedOf: the named type t is or points to, or nil.
func namedOf(t types.Type) *types.Named {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// exitLine: the one line the function returns at, where its deferred calls run
// and a goroutine dump shows it while they do: its closing brace, or its last
// statement if that is its only return; 0 if it returns at several.
func (f *fn) exitLine() int {
	if f.u == nil || f.u.body == nil {
		return 0
	}
	var returns []*ast.ReturnStmt
	ast.Inspect(f.u.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns = append(returns, n)
		}
		return true
	})
	list := f.u.body.List
	switch {
	case len(returns) == 0:
		return f.p.fset.Position(f.u.body.Rbrace).Line
	case len(returns) == 1 && len(list) > 0 && list[len(list)-1] == ast.Stmt(returns[0]):
		return f.p.line(returns[0])
	}
	return 0
}

func (f *fn) topStmts(stmts []ast.Stmt) {
	for i, s := range stmts {
		d, ok := s.(*ast.DeferStmt)
		if !ok {
			f.stmt(s)
			continue
		}
		f.line = f.p.line(d)
		values := f.deferValues(d) // its calls first, then the variables it reads, as gc evaluates them
		copies := f.deferSnapshots(d)
		var lit string
		if fl, ok := d.Call.Fun.(*ast.FuncLit); ok {
			lit = f.closure(fl)
		}
		if cu := f.calleeUnit(d.Call.Fun); cu != nil && cu.recovers {
			f.deferRecovering(d, cu, lit, stmts[i+1:], copies)
			return
		} else if cu == nil && f.mayRecover(d.Call.Fun) {
			// defer catcher("op")(), defer rec() of a variable: a function value that
			// may be one that calls recover, run as one that can
			f.deferRecovering(d, &unit{gen: f.m.a.famGen[familyOf(f.p, f.p.info.TypeOf(d.Call.Fun))]}, lit, stmts[i+1:], copies)
			return
		}
		f.w("try:")
		f.indent++
		start := len(f.lines)
		f.topStmts(stmts[i+1:])
		if len(f.lines) == start {
			f.w("pass")
		}
		f.indent--
		f.w("finally:")
		f.indent++
		f.line = f.p.line(d)
		if exit := f.exitLine(); exit > 0 {
			f.line = exit // Go's frame shows where the function returns
		}
		var call string
		f.withNames(copies, func() {
			if lit != "" {
				call = lit + "(" + f.args(d.Call) + ")"
				if f.m.a.byLit[d.Call.Fun.(*ast.FuncLit)].gen {
					call = "yield from " + call
				}
			} else {
				call = f.unreadCall(d.Call)
			}
		})
		for _, e := range values {
			delete(f.hoisted, e)
		}
		f.flushPre()
		f.wl(f.line, "%s", call)
		f.indent--
		return
	}
}

// deferValues: Go evaluates a deferred call's function value and arguments at the
// defer statement, where the translation writes them into variables that the call
// in the finally reads (defer trace("work")(), defer fmt.Println(time.Since(t0))):
// each argument but a constant, a variable (see deferSnapshots; a struct value's
// is copied here), a closure or an address, and a function value that a call or
// an index gives.
func (f *fn) deferValues(d *ast.DeferStmt) []ast.Expr {
	var values []ast.Expr
	hoist := func(e ast.Expr, name string) {
		t, v := f.temp(name), f.value(e)
		f.flushPre() // defer fmt.Println(<-c): the receive runs at the defer statement
		f.wl(f.line, "%s = %s  # as the defer statement sees it", t, v)
		f.hoist(e, t)
		values = append(values, e)
	}
	switch fun := ast.Unparen(d.Call.Fun).(type) {
	case *ast.CallExpr, *ast.IndexExpr:
		hoist(fun, "deferred")
	case *ast.SelectorExpr:
		s := f.p.info.Selections[fun]
		if s == nil || s.Kind() != types.MethodVal {
			break
		}
		_, onElem := ast.Unparen(fun.X).(*ast.IndexExpr)
		_, onVar := ast.Unparen(fun.X).(*ast.Ident)
		recv := s.Obj().Type().(*types.Signature).Recv().Type()
		switch {
		case types.IsInterface(s.Recv()) && f.ownInterface(s.Recv()):
			hoist(fun, "deferred") // s.Show of a nil s panics at the defer, as Go's
		case hasCall(fun.X):
			hoist(fun.X, "recv") // defer w.Out().Line("end"): Out is called at the defer
		case onElem && valueReceiver(s.Obj().(*types.Func)) && f.m.isStructValue(f.p.info.TypeOf(fun.X)):
			// defer items[0].Show(): the receiver is the element as it is now (one
			// that is a variable: see deferSnapshots)
			hoist(fun.X, "recv")
		case valueReceiver(s.Obj().(*types.Func)) && !onVar && f.m.isStructValue(recv):
			// defer s.W.Print(), (&w).Print(), (*p).Print(): Go copies the receiver
			// at the defer statement, through a pointer too
			f.m.copyable(recv, d)
			t, v := f.temp("recv"), f.expr(fun.X)
			f.flushPre()
			f.wl(f.line, "%s = go.copy(%s)  # the receiver as the defer statement sees it", t, v)
			f.hoist(fun.X, t)
			values = append(values, fun.X)
		}
	}
	made := map[ast.Expr]bool{}
	for _, a := range d.Call.Args {
		if hasCall(a) || hasOwn(a, isReceive) {
			hoist(a, "arg") // defer fmt.Println(n, inc()): inc() before n is read
			made[a] = true
		}
	}
	for _, a := range d.Call.Args {
		if f.p.info.Types[a].Value != nil || made[a] {
			continue
		}
		switch x := ast.Unparen(a).(type) {
		case *ast.Ident:
			if at, ok := under(f.p.info.TypeOf(x)).(*types.Array); ok {
				// an array is a value: the call gets the array as it is now
				c := f.temp("arg")
				f.wl(f.line, "%s = %s  # as the defer statement sees it", c, f.m.copyArray(f.expr(x), at, a))
				f.hoist(a, c)
				values = append(values, a)
				continue
			}
			if t := f.p.info.TypeOf(x); f.m.isStructValue(t) {
				f.m.copyable(t, a)
				c, v := f.temp("arg"), f.expr(x)
				if !strings.HasPrefix(v, "go.as_value(") { // the interface's copy already
					v = "go.copy(" + v + ")"
				}
				f.wl(f.line, "%s = %s  # as the defer statement sees it", c, v)
				f.hoist(a, c)
				values = append(values, a)
			}
			continue
		case *ast.FuncLit:
			continue
		case *ast.UnaryExpr:
			if _, isIdent := ast.Unparen(x.X).(*ast.Ident); isIdent && x.Op == token.AND {
				continue
			}
		}
		hoist(a, "arg")
	}
	return values
}

// genericCallee: fun names a generic function of the program, its type arguments
// written (Catch[int]) or inferred (Catch(&n)).
func (f *fn) genericCallee(fun ast.Expr) bool {
	id := calleeIdent(fun)
	if id == nil || id != ast.Unparen(fun) && !isIndexOf(fun, id) {
		return false
	}
	fn, ok := f.p.info.Uses[id].(*types.Func)
	return ok && fn.Type().(*types.Signature).TypeParams().Len() > 0 && f.p.info.Instances[id].TypeArgs.Len() > 0
}

// isIndexOf: e is id[...] (a generic function's instance).
func isIndexOf(e ast.Expr, id *ast.Ident) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		return ast.Unparen(x.X) == id
	case *ast.IndexListExpr:
		return ast.Unparen(x.X) == id
	}
	return false
}

// ownInterface: t is an interface type the program declares.
func (f *fn) ownInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && f.p.ours(n.Obj().Pkg())
}

// mayRecover: fun, a deferred function value whose function the translation does
// not know (a call's result, a variable, a field), is of the type of one of the
// program's functions that call recover().
func (f *fn) mayRecover(fun ast.Expr) bool {
	switch obj := f.p.info.Uses[calleeIdent(fun)].(type) {
	case *types.Func:
		return false // a library function: none recovers
	case *types.Var:
		if f.m.a.stdVar[obj] {
			return false // what a library call returned (cancel, stop)
		}
	}
	fam := familyOf(f.p, f.p.info.TypeOf(fun))
	for _, u := range f.m.a.units {
		if u.recovers && slices.Contains(u.families, fam) {
			return true
		}
	}
	return false
}

// deferRecovering writes a defer whose function calls recover(): Python's with
// statement, whose exit runs the deferred call and may stop the panic, as
// recover does; the function then returns its results (zero unless named).
//
//	with go.defer(func1):  # L10        recovering = go.Recoverable()
//	    rest                            try:
//	                                        with recovering:
//	                                            rest
//	                                    finally:
//	                                        yield from recovering.defer(func1)  # L10
//
// The right-hand form is for a deferred function that blocks (a generator).
func (f *fn) deferRecovering(d *ast.DeferStmt, cu *unit, lit string, rest []ast.Stmt, copies map[types.Object]string) {
	callee, args := lit, ""
	f.withNames(copies, func() {
		if callee == "" && f.genericCallee(d.Call.Fun) {
			callee = f.value(d.Call.Fun) // defer Catch(&n): go.instantiate(Catch, T=int)
		} else if callee == "" {
			callee, _ = f.funcValue(d.Call.Fun, d)
		}
		args = f.args(d.Call)
	})
	if args != "" {
		callee += ", " + args
	}
	f.flushPre()
	if !cu.gen {
		f.wl(f.line, "with go.defer(%s):", callee)
		f.indent++
		start := len(f.lines)
		f.topStmts(rest)
		if len(f.lines) == start {
			f.w("pass")
		}
		f.indent--
	} else {
		rec := f.temp("recovering")
		f.wl(f.line, "%s = go.Recoverable()", rec)
		f.w("try:")
		f.indent++
		f.w("with %s:", rec)
		f.indent++
		start := len(f.lines)
		f.topStmts(rest)
		if len(f.lines) == start {
			f.w("pass")
		}
		f.indent -= 2
		f.w("finally:")
		f.wl(f.p.line(d), "    yield from %s.defer(%s)", rec, callee)
	}
	f.recoveredReturn(d)
}

// recoveredReturn writes the return of a function whose panic a deferred call
// recovered, after the with block that ran it: its named results, else zeros. With
// resultsLast the function's last statement returns the named results, after the
// earlier defers' finally blocks have run and set them.
func (f *fn) recoveredReturn(d *ast.DeferStmt) {
	if res := f.u.sig.Results(); res.Len() > 0 && !f.resultsLast {
		if len(f.results) > 0 {
			f.w("return %s  # a deferred call recovered the panic", strings.Join(f.results, ", "))
		} else {
			var zs []string
			for i := 0; i < res.Len(); i++ {
				z, _ := f.m.zero(res.At(i).Type(), d)
				zs = append(zs, z)
			}
			f.w("return %s  # a deferred call recovered the panic", strings.Join(zs, ", "))
		}
	}
}

// deferSnapshots: Go evaluates a deferred call's function and arguments at the
// defer statement; the translation calls it in a finally, later. A variable the
// call names that is assigned again (defer cancel(), then ctx, cancel = ...) is
// copied at the defer; the call, rendered withNames of the copies, reads the copy.
func (f *fn) deferSnapshots(d *ast.DeferStmt) map[types.Object]string {
	copies := map[types.Object]string{}
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok {
		// defer v.M() with a value receiver: M gets a copy of v as it is now, and
		// of *v for a pointer v (a pointer to a struct is the struct's object)
		s := f.p.info.Selections[sel]
		id, isIdent := ast.Unparen(sel.X).(*ast.Ident)
		if s != nil && s.Kind() == types.MethodVal && isIdent && valueReceiver(s.Obj().(*types.Func)) {
			v, ok := f.p.info.Uses[id].(*types.Var)
			t := types.Type(nil)
			if ok {
				t = v.Type()
				if ptr, isPtr := t.(*types.Pointer); isPtr {
					t = ptr.Elem()
				}
			}
			var at *types.Array
			if ok && !isPointer(v.Type()) {
				at, _ = under(t).(*types.Array)
			}
			if at != nil && !f.m.boxed[v] {
				copies[v] = f.temp(v.Name()) // v.Print() of a type Vec [2]int (a *Vec: not copied)
				f.wl(f.line, "%s = %s  # the receiver as the defer statement sees it", copies[v], f.m.copyArray(f.name(v), at, d))
			} else if ok && f.m.isStructValue(t) && !f.m.boxed[v] {
				f.m.copyable(t, d)
				copies[v] = f.temp(v.Name())
				f.wl(f.line, "%s = go.copy(%s)  # the receiver as the defer statement sees it", copies[v], f.name(v))
			}
		}
	}
	var addressed ast.Node // defer c.show() of a pointer method on a variable c: &c, the variable itself
	if sel, ok := ast.Unparen(d.Call.Fun).(*ast.SelectorExpr); ok {
		if s := f.p.info.Selections[sel]; s != nil && s.Kind() == types.MethodVal && !valueReceiver(s.Obj().(*types.Func)) &&
			!isPointer(f.p.info.TypeOf(sel.X)) {
			if id, isIdent := ast.Unparen(sel.X).(*ast.Ident); isIdent && f.m.boxed[f.p.info.Uses[id]] {
				addressed = id
			}
		}
	}
	exprs := append([]ast.Expr{d.Call.Fun}, d.Call.Args...)
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || n == addressed {
				return false
			}
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if id, ok := ast.Unparen(u.X).(*ast.Ident); ok && f.m.boxed[f.p.info.Uses[id]] {
					return false // &v of a v in a go.Ref: the Ref, whatever v holds later
				}
			}
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			v, ok := f.p.info.Uses[id].(*types.Var)
			if !ok || v.IsField() || f.m.a.assigns[v] == 0 && !f.m.boxed[v] || copies[v] != "" {
				return true
			}
			if f.m.boxed[v] {
				// a variable in a go.Ref (a closure captures it, or its address is
				// taken): the value the defer statement sees, in a Ref of its own,
				// assigned again or not (inc(&n) writes it through the Ref)
				copies[v] = f.temp(v.Name())
				f.wl(f.line, "%s = go.Ref(%s)  # as the defer statement sees it", copies[v], f.expr(id))
				return true
			}
			copies[v] = f.temp(v.Name())
			f.wl(f.line, "%s = %s  # as the defer statement sees it", copies[v], f.name(v))
			return true
		})
	}
	return copies
}

// withNames renders with the given variables named as given (their copies).
func (f *fn) withNames(names map[types.Object]string, render func()) {
	saved := map[types.Object]string{}
	for v, name := range names {
		if old, ok := f.names[v]; ok {
			saved[v] = old
		}
		f.names[v] = name
	}
	render()
	for v := range names {
		if old, ok := saved[v]; ok {
			f.names[v] = old
		} else {
			delete(f.names, v)
		}
	}
}

// closure writes a nested def for a function literal and returns its name.
func (f *fn) closure(lit *ast.FuncLit) string {
	u := f.m.a.byLit[lit]
	c := f.m.newFunc(u, f)
	c.indent = f.indent
	c.function()
	f.lines = append(f.lines, c.lines...)
	return c.defNameOf()
}

func (f *fn) defNameOf() string {
	// the def line is the second line written
	for _, l := range f.lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "def ") {
			return t[4:strings.IndexByte(t, '(')]
		}
	}
	return "?"
}

func (f *fn) stmts(stmts []ast.Stmt) {
	for _, s := range stmts {
		f.stmt(s)
	}
}

// block writes an indented block (pass if empty).
func (f *fn) block(stmts []ast.Stmt) { f.indented(func() { f.stmts(stmts) }) }

// indented writes what write writes one level in, or pass if it writes nothing.
func (f *fn) indented(write func()) {
	f.indent++
	start := len(f.lines)
	write()
	if len(f.lines) == start {
		f.w("pass")
	}
	f.indent--
}

func (f *fn) stmt(s ast.Stmt) {
	f.stmt1(s)
	// a variable the statement declares that lives in a go.Ref: box it now
	var ids []*ast.Ident
	switch s := s.(type) {
	case *ast.DeclStmt:
		if gd := s.Decl.(*ast.GenDecl); gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				ids = append(ids, spec.(*ast.ValueSpec).Names...)
			}
		}
	case *ast.AssignStmt:
		if s.Tok == token.DEFINE {
			for _, l := range s.Lhs {
				ids = append(ids, l.(*ast.Ident))
			}
		}
	}
	for _, id := range ids {
		if obj := f.p.info.Defs[id]; obj != nil && f.m.boxed[obj] {
			name := f.name(obj)
			// x = v  # L7 becomes x = go.Ref(v)  # L7
			last := f.lines[len(f.lines)-1]
			head := strings.Repeat("    ", f.indent) + name + " = "
			if i := strings.LastIndex(last, "  # L"); len(ids) == 1 && strings.HasPrefix(last, head) && i > 0 && !strings.Contains(last[len(head):i], "yield") {
				f.lines[len(f.lines)-1] = head + boxer(obj) + "(" + last[len(head):i] + ")" + last[i:]
				continue
			}
			f.wl(f.p.line(s), "%s = %s(%s)  # a variable of its own, shared by reference", name, boxer(obj), name)
		}
	}
}

func (f *fn) stmt1(s ast.Stmt) {
	p := f.p
	f.line = p.line(s)
	f.called = false
	var first []ast.Expr // the calls Go evaluates before the other operands
	switch s := s.(type) {
	case *ast.ExprStmt:
		first = f.callsFirst([]ast.Expr{s.X})
	case *ast.AssignStmt:
		if s.Tok == token.ASSIGN {
			first = f.targetCallsFirst(s)
		}
		if s.Tok == token.DEFINE || s.Tok == token.ASSIGN {
			first = append(first, f.callsFirst(s.Rhs)...)
		}
	case *ast.ReturnStmt:
		first = f.callsFirst(s.Results)
	case *ast.SendStmt:
		first = f.callsFirst([]ast.Expr{s.Value})
	case *ast.GoStmt:
		first = f.callsFirst(s.Call.Args) // go f(n, inc()): inc() before n is read
	case *ast.DeclStmt:
		if gd := s.Decl.(*ast.GenDecl); gd.Tok == token.VAR && len(gd.Specs) == 1 {
			first = f.callsFirst(gd.Specs[0].(*ast.ValueSpec).Values)
		}
	}
	defer func() {
		for _, e := range first {
			delete(f.hoisted, e)
		}
	}()
	switch s := s.(type) {
	case *ast.EmptyStmt:
	case *ast.BlockStmt:
		f.stmts(s.List)
	case *ast.ExprStmt:
		f.exprStmt(s)
	case *ast.DeclStmt:
		gd := s.Decl.(*ast.GenDecl)
		switch gd.Tok {
		case token.VAR:
			for _, spec := range gd.Specs {
				f.valueSpec(spec.(*ast.ValueSpec), false)
			}
		case token.CONST:
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if n.Name == "_" {
						continue
					}
					c := p.info.Defs[n].(*types.Const)
					f.wl(p.line(n), "%s = %s", f.define(n), f.m.typedConst(c))
				}
			}
		case token.TYPE: // a class of the module (localTypeNames)
		}
	case *ast.AssignStmt:
		f.assign(s)
	case *ast.IncDecStmt:
		op := "+="
		if s.Tok == token.DEC {
			op = "-="
		}
		f.opAssign(s.X, op, "1", s)
	case *ast.SendStmt:
		ch := f.expr(s.Chan)
		v := f.value(s.Value)
		f.flushPre()
		f.wl(f.line, "yield %s.send(%s)", ch, v)
	case *ast.GoStmt:
		f.goStmt(s)
	case *ast.DeferStmt:
		f.deferStmt(s)
	case *ast.ReturnStmt:
		f.returnStmt(s)
	case *ast.IfStmt:
		f.ifStmt(s, false)
	case *ast.ForStmt:
		f.forStmt(s, "")
	case *ast.RangeStmt:
		f.rangeStmt(s, "")
	case *ast.SwitchStmt:
		f.switchStmt(s)
	case *ast.TypeSwitchStmt:
		f.typeSwitch(s)
	case *ast.SelectStmt:
		f.selectStmt(s)
	case *ast.LabeledStmt:
		switch t := s.Stmt.(type) {
		case *ast.ForStmt:
			f.forStmt(t, s.Label.Name)
		case *ast.RangeStmt:
			f.rangeStmt(t, s.Label.Name)
		default:
			if gotoTarget(f.u.body, s.Label.Name) {
				p.unsupported(s, "goto", "loops with break and continue")
			}
			p.unsupported(s, "a label on a statement other than a loop", "labels on for loops, for break and continue")
		}
	case *ast.BranchStmt:
		f.branch(s)
	default:
		p.unsupported(s, fmt.Sprintf("the statement %T", s), "the statements listed in docs")
	}
}

// gotoTarget: a goto in body jumps to label.
func gotoTarget(body ast.Node, label string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if b, ok := n.(*ast.BranchStmt); ok && b.Tok == token.GOTO && b.Label.Name == label {
			found = true
		}
		return !found
	})
	return found
}

func (f *fn) branch(s *ast.BranchStmt) {
	p := f.p
	switch s.Tok {
	case token.GOTO:
		p.unsupported(s, "goto", "loops with break and continue")
	case token.FALLTHROUGH:
		if f.fallTo == "" {
			p.unsupported(s, "fallthrough", "a case listing several values")
		}
		f.wl(f.line, "%s  # fallthrough", f.fallTo)
		return
	}
	word := strings.ToLower(s.Tok.String())
	if len(f.loops) == 0 {
		p.unsupported(s, word+" outside a loop", "return")
	}
	if s.Label != nil {
		if f.loops[len(f.loops)-1].label != s.Label.Name {
			// to an outer loop
			t := len(f.loops) - 2
			for t >= 0 && f.loops[t].label != s.Label.Name {
				t--
			}
			flag := f.loops[t].breakFlag
			if s.Tok == token.CONTINUE {
				flag = f.loops[t].continueFlag
			}
			f.leaveTo(t, flag, word+" "+s.Label.Name)
			return
		}
		if s.Tok == token.CONTINUE {
			f.advance(f.loops[len(f.loops)-1])
		}
		f.wl(f.line, "%s", word)
		return
	}
	if s.Tok == token.BREAK && f.switches > 0 {
		// caseStmts put a case with a break before its end in a loop of its own
		panic("a break inside a switch or select case that is not in its own loop")
	}
	innermost := f.loops[len(f.loops)-1]
	if s.Tok == token.CONTINUE && innermost.switchCase {
		// to the innermost loop, out of the cases' one-iteration loops in between
		t := len(f.loops) - 2
		for f.loops[t].switchCase {
			t--
		}
		f.leaveTo(t, f.loops[t].continueFlag, word)
		return
	}
	if s.Tok == token.CONTINUE {
		f.advance(innermost) // Go runs the post statement before the next condition
	}
	f.wl(f.line, "%s", word)
}

// leaveTo leaves the Python loops inside f.loops[t] for it: raise its flag, break
// the innermost loop, and let each loop in between test the flag as it ends.
func (f *fn) leaveTo(t int, flag, what string) {
	for i := t + 1; i < len(f.loops); i++ {
		if !slices.Contains(f.loops[i].checks, flag) {
			f.loops[i].checks = append(f.loops[i].checks, flag)
		}
	}
	f.wl(f.line, "%s = True  # %s", flag, what)
	f.w("break")
}

func (f *fn) exprStmt(s *ast.ExprStmt) {
	x := ast.Unparen(s.X)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		ch := f.expr(u.X)
		f.flushPre()
		f.wl(f.line, "yield %s.recv()", ch)
		return
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		f.p.unsupported(s, "an expression statement", "a call or a receive")
	}
	text := f.unreadCall(call)
	f.flushPre()
	line := f.line
	if _, literal := ast.Unparen(call.Fun).(*ast.FuncLit); literal {
		line = f.p.fset.Position(call.Lparen).Line // func() { ... }(): Go's frame is at the }() line
	}
	f.wl(line, "%s", text)
}

// unreadCall renders a call as a statement whose results no one reads (a deferred
// call's too), where fmt.Println may be Python's print.
func (f *fn) unreadCall(c *ast.CallExpr) string {
	outer := f.stmtCall
	f.stmtCall = c
	defer func() { f.stmtCall = outer }()
	return f.callStmt(c)
}

// callStmt renders a call as a statement: yield from for a generator.
func (f *fn) callStmt(c *ast.CallExpr) string {
	text, yields := f.call(c)
	if yields && strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")") {
		return text[1 : len(text)-1]
	}
	return text
}

// valueSpec: var x T / var x = e / var a, b = f().
// storedInPlace: the struct an assignment (tok) to e writes in place, go.store's first
// operand: *c of a pointer to a struct, or a struct variable, field or element
// whose address is taken (&cfg, &s.hits, &xs[i], a pointer method's value), which
// every pointer to it reaches; nil for any other target.
func (f *fn) storedInPlace(tok token.Token, e ast.Expr) ast.Expr {
	p := f.p
	if st := structDeref(p, e); st != nil {
		return st.X
	}
	if tok == token.ASSIGN && f.m.addressed[addressedVar(p, e)] && isStructValueType(p.info.TypeOf(e)) {
		return e
	}
	return nil
}

func (f *fn) valueSpec(vs *ast.ValueSpec, pkg bool) {
	p := f.p
	f.line = p.line(vs)
	if pkg {
		f.called = false // a package variable's declaration is a statement of its own
	}
	var names []string
	for _, n := range vs.Names {
		if pkg {
			if n.Name == "_" {
				names = append(names, "_")
			} else {
				names = append(names, f.m.globals[p.info.Defs[n]])
			}
		} else {
			names = append(names, f.define(n))
		}
	}
	if len(vs.Values) == 0 {
		var zs []string
		for _, n := range vs.Names {
			z, _ := f.m.zero(p.info.Defs[n].Type(), vs)
			zs = append(zs, z)
		}
		f.wl(f.line, "%s = %s", strings.Join(names, ", "), strings.Join(zs, ", "))
		return
	}
	vals := f.rhs(vs.Values, len(vs.Names))
	if len(vs.Names) > 1 && len(vs.Values) == 1 && vs.Type != nil {
		to := make([]types.Type, len(vs.Names))
		for i := range to {
			to[i] = p.info.TypeOf(vs.Type)
		}
		vals = f.tupleInto(vs.Values[0], to, vals) // var a, b any = pair()
	}
	f.flushPre()
	f.wl(f.line, "%s = %s", strings.Join(names, ", "), vals)
}

// rhs renders the right-hand side of an assignment of n values.
func (f *fn) rhs(values []ast.Expr, n int) string {
	if len(values) == 1 {
		v := ast.Unparen(values[0])
		if n == 2 {
			switch x := v.(type) {
			case *ast.UnaryExpr: // v, ok := <-ch
				if x.Op == token.ARROW {
					return "yield " + f.expr(x.X) + ".recv()"
				}
			case *ast.IndexExpr: // v, ok := m[k]
				if mt, ok := under(f.p.info.TypeOf(x.X)).(*types.Map); ok {
					z, _ := f.m.zero(mt.Elem(), x)
					m, k := f.expr(x.X), f.expr(x.Index)
					return fmt.Sprintf("%s, %s in %s", f.copiedAs(x, mt.Elem(), m+".get("+k+", "+z+")"), k, m)
				}
			case *ast.TypeAssertExpr:
				// the zero value of T when x holds no T: 0 for an int, "" for a string...
				if t := f.p.info.TypeOf(x.Type); f.m.isStructValue(t) {
					f.m.copyable(t, x)
					z, _ := f.m.zero(t, x)
					return fmt.Sprintf("go.assert_type(%s, %s, %s, copied=True)", f.expr(x.X), f.assertedType(x), z)
				}
				if t := f.p.info.TypeOf(x.Type); isArrayType(t) {
					z, _ := f.m.zero(t, x) // a, ok := v.([3]int): a copy of the array the interface holds
					return fmt.Sprintf("go.assert_type(%s, %s, %s, copied=%s)", f.expr(x.X), f.assertedType(x), z, f.m.elemCopier(t, x))
				}
				if z, _ := f.m.zero(f.p.info.TypeOf(x.Type), x); z != "None" {
					return fmt.Sprintf("go.assert_type(%s, %s, %s)", f.expr(x.X), f.assertedType(x), z)
				}
				return fmt.Sprintf("go.assert_type(%s, %s)", f.expr(x.X), f.assertedType(x))
			}
		}
		if c, ok := v.(*ast.CallExpr); ok && !f.p.ifaceValues[values[0]] {
			return f.timePointerResult(c, f.callStmt(c))
		}
		return f.value(values[0])
	}
	var parts []string
	for _, v := range values {
		parts = append(parts, f.value(v))
	}
	return strings.Join(parts, ", ")
}

func (f *fn) assign(s *ast.AssignStmt) {
	p := f.p
	if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
		op := strings.TrimSuffix(s.Tok.String(), "=")
		f.opAssign(s.Lhs[0], op+"=", "", s)
		return
	}
	// ch <- receive forms first: v := <-ch, v, ok := <-ch (but *p = <-ch stores
	// the struct received, below)
	if len(s.Rhs) == 1 {
		inPlace := len(s.Lhs) == 1 && f.storedInPlace(s.Tok, s.Lhs[0]) != nil
		if u, ok := ast.Unparen(s.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW && !inPlace {
			ch := f.expr(u.X)
			names := f.lhsList(s)
			f.flushPre()
			elem := under(p.info.TypeOf(u.X)).(*types.Chan).Elem()
			z, _ := f.m.zero(elem, u)
			needZero := z != "None" && f.m.mayBeClosed(elem) && names[0] != "_"
			if len(names) == 1 {
				if needZero {
					ok := f.temp("ok")
					f.wl(f.line, "%s, %s = yield %s.recv()", names[0], ok, ch)
					f.wl(f.line, "%s = %s if %s else %s  # a closed channel gives the zero value", names[0], names[0], ok, z)
					return
				}
				f.wl(f.line, "%s, _ = yield %s.recv()", names[0], ch)
				return
			}
			f.wl(f.line, "%s, %s = yield %s.recv()", names[0], names[1], ch)
			if needZero {
				f.wl(f.line, "%s = %s if %s else %s  # a closed channel gives the zero value", names[0], names[0], names[1], z)
			}
			return
		}
		if len(s.Lhs) == 1 && f.backingAssign(s) {
			return
		}
		// x = append(x, ...): x.append(...), if no other variable holds x's list
		if c, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok && len(s.Lhs) == 1 && f.isBuiltin(c, "append") && len(c.Args) >= 1 {
			if sameExpr(p, s.Lhs[0], c.Args[0]) && f.m.owned[ownerOf(p, s.Lhs[0])] {
				target := f.expr(s.Lhs[0])
				if f.m.capacities { // cap reads the capacity Go's growth gives it
					vals := f.spreadOrValues(c)
					f.flushPre()
					f.wl(f.line, "%s = go.append_in_place(%s)", target, f.withElemsCopier(target+vals+f.m.growth(c), c))
					return
				}
				if c.Ellipsis.IsValid() {
					v := f.spread(c.Args[1])
					f.flushPre()
					f.wl(f.line, "%s.extend(%s)", target, v)
					return
				}
				var vs []string
				for _, a := range c.Args[1:] {
					vs = append(vs, f.value(a))
				}
				f.flushPre()
				if len(vs) == 1 {
					f.wl(f.line, "%s.append(%s)", target, vs[0])
				} else if len(vs) > 1 {
					f.wl(f.line, "%s.extend((%s))", target, strings.Join(vs, ", "))
				}
				return
			}
		}
	}
	if len(s.Lhs) == 1 && s.Tok == token.ASSIGN {
		if st, ok := ast.Unparen(s.Lhs[0]).(*ast.StarExpr); ok && isTime(p.info.TypeOf(st)) {
			// a time is a number here, and a pointer to one that number
			p.unsupported(s, "an assignment through a pointer to a time.Time", "a pointer to a struct that holds the time")
		}
		if at := f.storedInPlace(s.Tok, s.Lhs[0]); at != nil {
			// *c = Counts{}, cfg = load() of a struct whose address is taken: the struct
			// takes the value's fields, seen through every pointer to it
			vals, target := f.rhs(s.Rhs, 1), f.expr(at)
			f.flushPre()
			f.wl(f.line, "go.store(%s, %s)", target, vals)
			return
		}
	}
	var vals string
	var names []string
	if slices.ContainsFunc(s.Lhs, func(e ast.Expr) bool { return hasOwn(e, isReceive) }) {
		// arr[<-c] = <-c + 100: the index's receive comes first, in Go's left to
		// right order of receives and calls
		names = f.lhsList(s)
	}
	if len(s.Lhs) == len(s.Rhs) && len(s.Rhs) > 1 {
		var parts []string
		for _, r := range s.Rhs {
			parts = append(parts, f.value(r))
		}
		vals = strings.Join(parts, ", ")
	} else {
		vals = f.rhs(s.Rhs, len(s.Lhs))
		if len(s.Lhs) == 1 && (s.Tok == token.ASSIGN && accumulates(p, s.Lhs[0], s.Rhs[0]) || f.overflowChecked(s.Lhs[0], s.Rhs[0])) {
			vals = "go.int64(" + vals + ")" // h = h*31 + c, c := a * b checked: Go's int wraps at 64 bits
		}
		if len(s.Lhs) > 1 && len(s.Rhs) == 1 {
			to := make([]types.Type, len(s.Lhs))
			for i, l := range s.Lhs {
				if id, blank := l.(*ast.Ident); !blank || id.Name != "_" {
					to[i] = p.info.TypeOf(l)
				}
			}
			vals = f.tupleInto(s.Rhs[0], to, vals) // v, err = strconv.ParseInt(...) of a var v any
		}
	}
	if names == nil && len(s.Lhs) > 1 && slices.ContainsFunc(s.Lhs, func(e ast.Expr) bool { return f.storedInPlace(s.Tok, e) != nil }) {
		// *a, *b = *b, *a of struct pointers: the values first, then each struct
		// takes its value's fields (go.store), seen through every pointer to it
		others := &ast.AssignStmt{Lhs: slices.Clone(s.Lhs), Tok: s.Tok, Rhs: s.Rhs}
		for i, e := range others.Lhs {
			if f.storedInPlace(s.Tok, e) != nil {
				others.Lhs[i] = ast.NewIdent("_")
			}
		}
		temps := make([]string, len(s.Lhs))
		for i := range temps {
			temps[i] = f.temp("v")
		}
		names = f.lhsList(others)
		// each struct the values go into, found before any is assigned (i, ps[i] =
		// 1, v stores into ps[0], as Go evaluates the index first)
		stores := make([]string, len(s.Lhs))
		for i, e := range s.Lhs {
			if at := f.storedInPlace(s.Tok, e); at != nil {
				stores[i] = f.temp("at")
				target := f.expr(at)
				f.flushPre()
				f.wl(f.line, "%s = %s", stores[i], target)
			}
		}
		f.flushPre()
		f.wl(f.line, "%s = %s", strings.Join(temps, ", "), vals)
		for i := range s.Lhs {
			if stores[i] != "" {
				f.wl(f.line, "go.store(%s, %s)", stores[i], temps[i])
			} else if names[i] != "_" {
				f.wl(f.line, "%s = %s", names[i], temps[i])
			}
		}
		return
	}
	if names == nil {
		names = f.lhsList(s)
	}
	f.flushPre()
	f.wl(f.line, "%s = %s", strings.Join(names, ", "), vals)
}

// structDeref: e, an assignment's target, as *p of a struct type, or nil.
func structDeref(p *program, e ast.Expr) *ast.StarExpr {
	st, ok := ast.Unparen(e).(*ast.StarExpr)
	if !ok {
		return nil
	}
	if _, isStruct := under(p.info.TypeOf(st)).(*types.Struct); !isStruct || isTime(p.info.TypeOf(st)) {
		return nil // a time is a number here: refused as *t = v is
	}
	return st
}

// isReceive: n is a receive from a channel, <-ch.
func isReceive(n ast.Node) bool {
	u, ok := n.(*ast.UnaryExpr)
	return ok && u.Op == token.ARROW
}

// accumulates: x = e, of an int or int64 x, multiplies or shifts x itself (a hash,
// h = h*31 + c), which is where a program's int overflows 64 bits and Go's wraps;
// the translation wraps such a sum (go.int64), where it lets other ints grow.
func accumulates(p *program, x, e ast.Expr) bool {
	if !isPlainInt64(p.info.TypeOf(x)) {
		return false
	}
	obj, grows, uses := rootObj(p, x), false, false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BinaryExpr:
			grows = grows || (n.Op == token.MUL || n.Op == token.SHL) && isPlainInt64(p.info.TypeOf(n))
		case *ast.Ident:
			uses = uses || obj != nil && p.info.Uses[n] == obj
		}
		return true
	})
	return grows && uses
}

// overflowChecked: x = a * b of int or int64 variables, where the function then
// divides x by a or b (if a != 0 && x/a != b), the check that the product did not
// overflow, or x = a + b (a - b) that it then compares with a, b or 0 (if b > 0 && x
// < a), the check that the sum did not: Go's wrapped, so the check sees it (and
// the quotient wraps too, MinInt64 / -1, for which checkedQuotient looks).
func (f *fn) overflowChecked(x, e ast.Expr) bool {
	p := f.p
	prod, ok := ast.Unparen(e).(*ast.BinaryExpr)
	id, isIdent := x.(*ast.Ident)
	if !ok || !isIdent || !isPlainInt64(p.info.TypeOf(x)) || f.u == nil || f.u.body == nil {
		return false
	}
	check := map[token.Token]bool{token.QUO: true} // what the check does with x and a factor
	switch prod.Op {
	case token.MUL:
	case token.ADD, token.SUB:
		check = map[token.Token]bool{token.LSS: true, token.GTR: true, token.LEQ: true, token.GEQ: true}
	default:
		return false
	}
	c := p.info.ObjectOf(id)
	// an operand is a variable or a field of one (a.Value + b.Value), or a
	// conversion of one (a * Cents(n))
	var operand func(e ast.Expr) any
	operand = func(e ast.Expr) any {
		switch e := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if p.info.Types[e.Fun].IsType() && len(e.Args) == 1 {
				return operand(e.Args[0])
			}
		case *ast.Ident:
			if v := p.info.Uses[e]; v != nil {
				return v
			}
		case *ast.SelectorExpr:
			if p.info.Selections[e] != nil && pure(e) {
				return types.ExprString(e)
			}
		}
		return nil
	}
	isX := func(e ast.Expr) bool { return operand(e) == c }
	factors := map[any]bool{}
	for _, op := range []ast.Expr{prod.X, prod.Y} {
		if v := operand(op); v != nil {
			factors[v] = true
		}
	}
	found := false
	ast.Inspect(f.u.body, func(n ast.Node) bool {
		if q, ok := n.(*ast.BinaryExpr); ok && check[q.Op] {
			found = found || isX(q.X) && factors[operand(q.Y)] || q.Op != token.QUO && isX(q.Y) && factors[operand(q.X)] // x/a, a > x
			if q.Op != token.QUO && (isX(q.X) && isZero(p, q.Y) || isX(q.Y) && isZero(p, q.X)) {
				found = true // a sum's sign checked: if a > 0 && b > 0 && s < 0
			}
		}
		return !found
	})
	return found
}

// checkedQuotient: q is x/a of an overflow check (overflowChecked), which wraps
// as Go's int64 division does: MinInt64 / -1 is MinInt64.
func (f *fn) checkedQuotient(q *ast.BinaryExpr) bool {
	p := f.p
	num, ok := ast.Unparen(q.X).(*ast.Ident)
	if !ok || q.Op != token.QUO || !isPlainInt64(p.info.TypeOf(q)) || f.u == nil || f.u.body == nil {
		return false
	}
	c := p.info.Uses[num]
	found := false
	ast.Inspect(f.u.body, func(n ast.Node) bool {
		if s, ok := n.(*ast.AssignStmt); ok && len(s.Lhs) == 1 && len(s.Rhs) == 1 {
			if id, ok := s.Lhs[0].(*ast.Ident); ok && p.info.ObjectOf(id) == c && f.overflowChecked(id, s.Rhs[0]) {
				found = true
			}
		}
		return !found
	})
	return found
}

// isPlainInt64: t is int or int64, 64 bits that the translation lets grow (a
// time.Duration, also int64, is left as it is).
func isPlainInt64(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && (b.Kind() == types.Int || b.Kind() == types.Int64) && !isDuration(t)
}

// ownerOf: the variable or field x or a.b.x names, or nil.
func ownerOf(p *program, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return p.info.ObjectOf(x)
	case *ast.SelectorExpr:
		if sel := p.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			return sel.Obj()
		}
	}
	return nil
}

func sameExpr(p *program, a, b ast.Expr) bool {
	var x, y strings.Builder
	printExpr(&x, a)
	printExpr(&y, b)
	return x.String() == y.String() && rootObj(p, a) != nil && rootObj(p, a) == rootObj(p, b)
}

func printExpr(b *strings.Builder, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Ident:
		b.WriteString(e.Name)
	case *ast.SelectorExpr:
		printExpr(b, e.X)
		b.WriteString("." + e.Sel.Name)
	case *ast.StarExpr:
		b.WriteString("*")
		printExpr(b, e.X)
	case *ast.ParenExpr:
		printExpr(b, e.X)
	default:
		fmt.Fprintf(b, "%p", e)
	}
}

// targetCallsFirst: Go makes the calls in the targets' operands before those of the
// values, in the order they are written (m[note("k")] = append(m[k], next())),
// where Python evaluates a target after its value: such an operand is read into
// a temporary first, where the values call or receive too, or where it may change
// what the statement reads (arr[g()] = 5 of a g that replaces arr writes the new
// arr; vals[adv()] = i of an adv that changes i stores the new i).
func (f *fn) targetCallsFirst(s *ast.AssignStmt) []ast.Expr {
	p := f.p
	effects, reads := false, false
	for _, r := range s.Rhs {
		effects = effects || hasCall(r) || hasOwn(r, isReceive)
		reads = reads || p.info.Types[r].Value == nil
	}
	var done []ast.Expr
	for _, l := range s.Lhs {
		ops := p.targetOperands(l)
		varying := 0 // the operands that are not constants (lookup()["y"] = 1 has one)
		for _, e := range ops {
			if p.info.Types[e].Value == nil {
				varying++
			}
		}
		if !effects && !((reads || varying > 1) && slices.ContainsFunc(ops, f.writesInside)) {
			continue // vals[adv()] = i: adv may change i, which Go reads after it
		}
		for _, e := range ops {
			if !p.callsFunction(e) {
				continue
			}
			t := f.temp("operand")
			f.pre = append(f.pre, t+" = "+f.expr(e))
			f.hoist(e, t)
			f.called = false // made before the statement: a receive after it comes after it
			done = append(done, e)
		}
	}
	return done
}

// writesInside: e makes a call that may assign a variable of the program (not one
// in a closure it holds).
func (f *fn) writesInside(e ast.Expr) bool {
	return hasOwn(e, func(n ast.Node) bool { c, ok := n.(*ast.CallExpr); return ok && f.mayWrite(c) })
}

// lhsList renders the targets of an assignment. Go evaluates the index operands
// and the pointers of the targets before it assigns any, where Python assigns
// the targets one by one: in i, xs[i] = 1, 9 the index i that an earlier target
// assigns is read into a temporary first (i_1 = i; i, xs[i_1] = 1, 9).
func (f *fn) lhsList(s *ast.AssignStmt) []string {
	var names []string
	for k, l := range s.Lhs {
		if id, ok := l.(*ast.Ident); ok && s.Tok == token.DEFINE {
			names = append(names, f.define(id))
			continue
		}
		if s.Tok == token.ASSIGN {
			for _, e := range f.p.targetOperands(l) {
				if f.p.assignsBefore(s.Lhs[:k], e) {
					base := "operand"
					switch x := ast.Unparen(e).(type) {
					case *ast.Ident:
						base = x.Name
					case *ast.SelectorExpr:
						base = x.Sel.Name
					}
					t := f.temp(base)
					f.pre = append(f.pre, t+" = "+f.expr(e))
					f.hoist(e, t)
				}
			}
		}
		names = append(names, f.lvalue(l))
	}
	return names
}

// hoist: e reads the temporary t, which holds e's value from before (see expr).
func (f *fn) hoist(e ast.Expr, t string) {
	if f.hoisted == nil {
		f.hoisted = map[ast.Expr]string{}
	}
	f.hoisted[e] = t
}

// targetOperands: the operands of an assignment's target that Go evaluates before
// it assigns: an index (xs[i]'s i), and a slice, a map or a pointer the target goes
// through (xs, p in p.next.val), but not an array or a struct variable, which is the
// target itself.
func (p *program) targetOperands(target ast.Expr) []ast.Expr {
	switch x := ast.Unparen(target).(type) {
	case *ast.IndexExpr:
		if _, isArray := under(p.info.TypeOf(x.X)).(*types.Array); isArray {
			return append(p.targetOperands(x.X), x.Index)
		}
		return []ast.Expr{x.X, x.Index}
	case *ast.SelectorExpr:
		if sel := p.info.Selections[x]; sel == nil || sel.Kind() != types.FieldVal {
			return nil
		}
		if isPointer(p.info.TypeOf(x.X)) {
			return []ast.Expr{x.X}
		}
		return p.targetOperands(x.X)
	case *ast.StarExpr:
		return []ast.Expr{x.X}
	}
	return nil
}

// callsFunction: e calls a function (not a conversion, not a builtin), outside
// the closures it holds.
func (p *program) callsFunction(e ast.Expr) bool {
	return hasOwn(e, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		return ok && !p.info.Types[c.Fun].IsType() && !p.info.Types[c.Fun].IsBuiltin()
	})
}

// assignsBefore: one of the earlier targets of an assignment may change what the
// operand e reads: a variable e names, a field e selects, an element of a slice,
// array or map of the type e indexes, what a pointer of the type e dereferences;
// anything, if e calls a function (xs[next()]), which Go calls before it assigns.
func (p *program) assignsBefore(earlier []ast.Expr, e ast.Expr) bool {
	if p.callsFunction(e) && len(earlier) > 0 {
		return true
	}
	for _, t := range earlier {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			switch t := ast.Unparen(t).(type) {
			case *ast.Ident:
				id, ok := n.(*ast.Ident)
				found = found || ok && t.Name != "_" && p.info.Uses[id] != nil && p.info.Uses[id] == p.info.ObjectOf(t)
			case *ast.SelectorExpr:
				sel, ok := n.(*ast.SelectorExpr)
				found = found || ok && p.info.Selections[sel] != nil && p.info.Selections[t] != nil &&
					p.info.Selections[sel].Obj() == p.info.Selections[t].Obj()
			case *ast.IndexExpr:
				ix, ok := n.(*ast.IndexExpr)
				found = found || ok && types.Identical(p.info.TypeOf(ix.X), p.info.TypeOf(t.X))
			case *ast.StarExpr:
				st, ok := n.(*ast.StarExpr)
				found = found || ok && types.Identical(p.info.TypeOf(st.X), p.info.TypeOf(t.X))
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// lvalue renders an assignment target.
func (f *fn) lvalue(e ast.Expr) string {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if id.Name == "_" {
			return "_"
		}
		if obj := f.p.info.ObjectOf(id); f.m.boxed[obj] {
			return f.cell(obj)
		}
		return f.name(f.p.info.ObjectOf(id))
	}
	if st, ok := e.(*ast.StarExpr); ok {
		if _, generic := f.p.info.TypeOf(st).(*types.TypeParam); generic {
			return "go.deref(" + f.expr(st.X) + ").v" // a go.Ref's variable, or a struct's fields
		}
		if _, isStruct := under(f.p.info.TypeOf(st)).(*types.Struct); isStruct {
			f.p.unsupported(st, "assignment of a whole struct through a pointer", "assigning its fields")
		}
		return f.operand(st.X, 6) + ".v" // a go.Ref's variable
	}
	if ix, ok := e.(*ast.IndexExpr); ok {
		if _, isMap := under(f.p.info.TypeOf(ix.X)).(*types.Map); isMap {
			return f.expr(ix.X) + "[" + f.expr(ix.Index) + "]"
		}
		return f.target(ix)
	}
	return f.expr(e)
}

func (f *fn) opAssign(x ast.Expr, op, rhs string, s ast.Node) {
	p := f.p
	// parts[0] += 3 of a []Cents: the element stays a Cents (see findElementValues)
	cls := f.elemClass(x)
	as := func(v string) string {
		if cls == "" {
			return v
		}
		return cls + "(" + v + ")"
	}
	// m[key()]++ reads and writes one entry: the target's operands are evaluated
	// once, before the right-hand side, where the rendering names them twice
	for _, e := range f.p.targetOperands(x) {
		text := f.expr(e) // rendered once: a receive in it is hoisted once
		if strings.Contains(text, "(") {
			tmp := f.temp("operand")
			f.pre = append(f.pre, tmp+" = "+text)
			text = tmp
			f.called = false // made before the statement: a receive after it comes after it
		}
		f.hoist(e, text)
	}
	if rhs == "" {
		if f.operands == nil {
			f.operands = map[ast.Expr]bool{}
		}
		if !float32Set(p.info.TypeOf(x)) { // a float32's constant rounds to float32 first
			f.operands[s.(*ast.AssignStmt).Rhs[0]] = true // x += 1 of an N float64 is a float in Python too
		}
		r := s.(*ast.AssignStmt).Rhs[0]
		rhs = f.value(r)
		if f.writesInside(r) && f.mayChange(x) && !isSimple(rhs) {
			// x += f() of an f that assigns x: Go reads x after the call, Python before
			tmp := f.temp("v")
			f.pre = append(f.pre, tmp+" = "+rhs)
			rhs = tmp
		}
	}
	if op == "&^=" {
		op, rhs = "&=", "~"+paren(rhs)
	}
	t := p.info.TypeOf(x)
	read := func(target string) string { // m[k] /= 2 of a missing key reads the zero value
		if ix, ok := ast.Unparen(x).(*ast.IndexExpr); ok {
			if mt, ok := under(p.info.TypeOf(ix.X)).(*types.Map); ok {
				z, _ := f.m.zero(mt.Elem(), ix)
				return f.expr(ix.X) + ".get(" + f.expr(ix.Index) + ", " + z + ")"
			}
		}
		return target
	}
	if op == "/=" || op == "%=" {
		if _, ok := f.m.typeParamQuo(t, token.QUO, "", ""); ok {
			target := f.lvalue(x)
			f.flushPre()
			q, _ := f.m.typeParamQuo(t, map[string]token.Token{"/=": token.QUO, "%=": token.REM}[op], read(target), paren(rhs))
			f.wl(f.line, "%s = %s", target, as(q))
			return
		}
	}
	if op == "/=" && isInt(t) {
		target := f.lvalue(x)
		f.flushPre()
		if wrap := intWrap(t); wrap != "" && mayBeMinusOne(p, s.(*ast.AssignStmt).Rhs[0]) {
			f.wl(f.line, "%s = %s", target, as(wrap+"(go.quo("+read(target)+", "+rhs+"))")) // x /= -1 of an int8's -128
			return
		}
		f.wl(f.line, "%s = %s", target, as("go.quo("+read(target)+", "+rhs+")"))
		return
	}
	if isBasicKind(t, types.Float32) && (op == "+=" || op == "-=" || op == "*=" || op == "/=") {
		// each float32 operation rounds to float32, as Go's does
		isMap := false
		if ix, ok := ast.Unparen(x).(*ast.IndexExpr); ok {
			_, isMap = under(p.info.TypeOf(ix.X)).(*types.Map)
		}
		if !isMap { // a map's entry: below
			target := f.lvalue(x)
			f.flushPre()
			f.wl(f.line, "%s = %s", target, as(float32Op(target, strings.TrimSuffix(op, "="), paren(rhs))))
			return
		}
	}
	if op == "/=" && isFloat(t) && mayBeZero(p, s.(*ast.AssignStmt).Rhs[0]) {
		target := f.lvalue(x)
		f.flushPre()
		f.wl(f.line, "%s = %s", target, as("go.quo_float("+read(target)+", "+rhs+")"))
		return
	}
	if op == "/=" && isComplex(t) {
		target := f.lvalue(x)
		f.flushPre()
		f.wl(f.line, "%s = go.quo_complex(%s, %s)", target, read(target), rhs)
		return
	}
	if op == "%=" && isInt(t) {
		target := f.lvalue(x)
		f.flushPre()
		f.wl(f.line, "%s = %s", target, as("go.rem("+read(target)+", "+rhs+")"))
		return
	}
	if ix, ok := ast.Unparen(x).(*ast.IndexExpr); ok {
		if mt, ok := under(p.info.TypeOf(ix.X)).(*types.Map); ok {
			m, k := f.expr(ix.X), f.expr(ix.Index)
			z, _ := f.m.zero(mt.Elem(), ix)
			f.flushPre()
			value := fmt.Sprintf("%s.get(%s, %s) %s %s", m, k, z, strings.TrimSuffix(op, "="), paren(rhs)) // m[k] -= a - b
			if wrap := f.m.paramWrap(t); wrap != "" && (op == "+=" || op == "-=" || op == "*=" || op == "<<=") {
				// (in a generic, m[k] += v of a V the program instantiates with a Cents: its class back)
				value = wrap + "(" + value + ")"
			}
			if isBasicKind(t, types.Float32) && (op == "+=" || op == "-=" || op == "*=" || op == "/=") {
				value = float32Op(fmt.Sprintf("%s.get(%s, %s)", m, k, z), strings.TrimSuffix(op, "="), rhs)
			}
			f.wl(f.line, "%s[%s] = %s", m, k, as(value))
			return
		}
	}
	target := f.lvalue(x)
	f.flushPre()
	wrap := f.m.paramWrap(t)
	if (isPlainInt64(t) || isDuration(t)) && (op == "*=" || op == "<<=") {
		wrap = "go.int64" // h *= 31 of an int, d *= 2 of a backoff, wrap as Go's do: see accumulates
	} else if tp := int64Param(t); tp != nil && (op == "*=" || op == "<<=") {
		wrap = "go.wrapping64(" + tp.Obj().Name() + ")" // of a T ~int64 too
	}
	if wrap != "" && (op == "+=" || op == "-=" || op == "*=" || op == "<<=") {
		f.wl(f.line, "%s = %s", target, as(wrap+"("+target+" "+strings.TrimSuffix(op, "=")+" "+paren(rhs)+")"))
		return
	}
	if cls != "" {
		if topLevelSpace(rhs) {
			rhs = "(" + rhs + ")"
		}
		f.wl(f.line, "%s = %s(%s %s %s)", target, cls, target, strings.TrimSuffix(op, "="), rhs)
		return
	}
	f.wl(f.line, "%s %s %s", target, op, rhs)
}

// elemClass: the class of x's type where x, the target of an assignment with an
// operator, is an element of a slice, an array or a map of a named type with a
// String method, which the assignment's result must stay (see findElementValues).
func (f *fn) elemClass(x ast.Expr) string {
	if _, ok := ast.Unparen(x).(*ast.StarExpr); ok && f.p.stringerBasic(f.p.info.TypeOf(x)) {
		return f.m.basicClass(f.p.info.TypeOf(x)) // *l++ in (*Level).Up: an element it points to stays a Level
	}
	ix, ok := ast.Unparen(x).(*ast.IndexExpr)
	if !ok {
		return ""
	}
	t := f.p.info.TypeOf(x)
	switch under(f.p.info.TypeOf(ix.X)).(type) {
	case *types.Slice, *types.Array, *types.Map, *types.Pointer: // *[4]Cents too
		if f.p.stringerBasic(t) {
			return f.m.basicClass(t)
		}
	}
	return ""
}

func paren(s string) string {
	if isSimple(s) {
		return s
	}
	return "(" + s + ")"
}

// topLevelSpace: the Python expression s has a space outside brackets and
// strings, an operator that binds less than a call would.
func topLevelSpace(s string) bool {
	found := false
	outsideStrings(s, func(_ int, r rune, depth int) bool {
		found = r == ' ' && depth == 0
		return !found
	})
	return found
}

// outsideStrings calls visit with each rune of the Python expression s that is
// not in a string literal, its byte offset, and the depth of brackets it is at
// (a closing bracket at the depth outside it), until visit returns false.
func outsideStrings(s string, visit func(i int, r rune, depth int) bool) {
	depth := 0
	var quote rune
	escaped := false
	for i, r := range s {
		switch {
		case quote != 0:
			if escaped {
				escaped = false
			} else if r == '\\' {
				escaped = true
			} else if r == quote {
				quote = 0
			}
			continue
		case r == '"' || r == '\'':
			quote = r
			continue
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			depth--
		}
		if !visit(i, r, depth) {
			return
		}
	}
}

func isSimple(s string) bool {
	for _, r := range s {
		if !(r == '_' || r == '.' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func isInt(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}

func isComplex(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&types.IsComplex != 0
}

func isFloat(t types.Type) bool {
	b, ok := under(t).(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}

func (f *fn) goStmt(s *ast.GoStmt) {
	p := f.p
	c := s.Call
	fun := ast.Unparen(c.Fun)
	var callee, name string
	switch x := fun.(type) {
	case *ast.FuncLit:
		callee = f.closure(x)
		f.line = p.line(s)
		name = f.m.a.byLit[x].name
	default:
		if f.goStdMethod(c, fun) {
			return
		}
		if id, kw := f.instance(fun); id != nil && kw != "" {
			generic := fun // go F(x) or go F[T](x): the function given its type arguments
			switch x := fun.(type) {
			case *ast.IndexExpr:
				generic = x.X
			case *ast.IndexListExpr:
				generic = x.X
			}
			callee, name = f.funcValue(generic, s)
			callee = "go.instantiate(" + callee + ", " + kw + ")"
		} else {
			callee, name = f.funcValue(fun, s)
		}
	}
	if subs := f.throughArgs(c); len(subs) == 1 {
		f.goThrough(c, subs[0], callee, name)
		return
	}
	args := f.callArgs(c, name)
	if args != "" {
		args += ", "
	}
	f.flushPre()
	f.wl(f.line, "rt.go(%s, %sname=%q)", callee, args, name)
}

// goStdMethod renders go x.M(args) of a method of the standard library that
// stdMethodValues does not name (go enc.Encode(v), go wg.Wait()): the receiver and
// the arguments evaluated now, as Go evaluates them, and given to a function that
// makes the call as an expression statement would, in the new goroutine, named
// as Go names its one frame of the program's: rt.go(sl.gofunc(...)(lambda recv,
// arg: (yield from recv.blocking_encode(arg, ...))), enc, v).
func (f *fn) goStdMethod(c *ast.CallExpr, fun ast.Expr) bool {
	p := f.p
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	var fn *types.Func
	name := ""
	held := []ast.Expr{sel.X}
	if pk, isPkg := ast.Unparen(sel.X).(*ast.Ident); isPkg && p.info.Uses[pk] != nil {
		if _, isPkgName := p.info.Uses[pk].(*types.PkgName); isPkgName {
			// go fmt.Fprint(w, ...), go io.WriteString(w, s): a function of the library's
			fn, _ = p.info.Uses[sel.Sel].(*types.Func)
			if fn == nil || fn.Pkg() == nil || p.ours(fn.Pkg()) {
				return false
			}
			name = fn.Pkg().Path() + "." + fn.Name()
			if _, named := stdFuncValues[name]; named {
				return false
			}
			held = nil
		}
	}
	if name == "" {
		if p.info.Selections[sel] == nil || p.info.Selections[sel].Kind() != types.MethodVal {
			return false
		}
		fn, ok = p.info.Selections[sel].Obj().(*types.Func)
		if !ok || fn.Pkg() == nil || p.ours(fn.Pkg()) || f.m.a.byFunc[fn.Origin()] != nil {
			return false
		}
		if _, named := stdMethodValues[methodKey(fn)]; named {
			return false
		}
		name = goMethodName(fn) // its frame: the method, at the go statement's line
	}
	if c.Ellipsis.IsValid() {
		return false
	}
	var params, values []string
	hold := func(e ast.Expr, base, value string) {
		t := f.temp(base)
		params, values = append(params, t), append(values, value)
		f.hoist(e, t)
	}
	if held != nil {
		hold(sel.X, "recv", f.expr(sel.X))
	}
	for _, a := range c.Args {
		hold(a, "arg", f.value(a))
	}
	before := len(f.pre)
	call := f.unreadCall(c)
	for _, e := range append(held, c.Args...) {
		delete(f.hoisted, e)
	}
	if len(f.pre) != before || strings.Contains(call, "\n") {
		p.unsupported(c, "go of this call of "+name, "a closure: go func() { ... }()")
	}
	if strings.HasPrefix(call, "yield") {
		call = "(" + call + ")" // a lambda that yields: a generator, as rt.go wants
	}
	f.flushPre()
	args := ""
	for _, v := range values {
		args += v + ", "
	}
	f.wl(f.line, "rt.go(sl.gofunc(%q, file=%q)(lambda %s: %s), %sname=%q)",
		name, f.u.file, strings.Join(params, ", "), call, args, name)
	return true
}

// callArgs renders the arguments of a go or defer statement's call of name:
// those of a fmt function as fmt prints them (a Duration as a duration).
func (f *fn) callArgs(c *ast.CallExpr, name string) string {
	if strings.HasPrefix(name, "fmt.") {
		return f.deferredFmtArgs(c, strings.HasSuffix(name, "f"))
	}
	return f.args(c)
}

// fprintArgs: the arguments of a deferred fmt.Fprint, Fprintln or Fprintf (in a
// loop or a branch): the writer, then the operands as deferredFmtArgs renders them.
func (f *fn) fprintArgs(c *ast.CallExpr, formatted bool) string {
	if f.m.blockingWrite(f.p.info.TypeOf(c.Args[0])) {
		f.p.unsupported(c, "a deferred print to a writer that may block, in a function that defers inside a loop or a branch",
			"a closure: defer func() { fmt.Fprintln(w, x) }()")
	}
	rest := *c // the operands after the writer
	rest.Args = c.Args[1:]
	args := f.value(c.Args[0])
	if ops := f.deferredFmtArgs(&rest, formatted); ops != "" {
		args += ", " + ops
	}
	return args
}

// deferredFmtArgs: fmtArgs for a print that runs later, which must not run a
// String or Error method that blocks now.
func (f *fn) deferredFmtArgs(c *ast.CallExpr, formatted bool) string {
	args := f.fmtArgs(c, formatted)
	if strings.Contains(args, "go.stringed") {
		f.p.unsupported(c, "a go or defer statement printing a value whose String or Error method blocks",
			"a closure: defer func() { fmt.Println(x) }()")
	}
	return args
}

// funcValue renders a function used as a value, with its Go name.
func (f *fn) funcValue(e ast.Expr, at ast.Node) (string, string) {
	p := f.p
	switch x := e.(type) {
	case *ast.Ident:
		switch obj := p.info.Uses[x].(type) {
		case *types.Func:
			if u := f.m.a.byFunc[obj]; u != nil {
				return f.name(obj), u.name
			}
		case *types.Var:
			return f.name(obj), x.Name
		case *types.Builtin:
			if x.Name == "close" || x.Name == "delete" {
				return "go." + x.Name, x.Name // go close(ch): a goroutine that closes ch; defer delete(seen, v)
			}
			p.unsupported(at, "go or defer of the builtin "+x.Name, "a closure: go func() { ... }()")
		}
	case *ast.SelectorExpr:
		if pk, ok := x.X.(*ast.Ident); ok {
			if pn, ok := p.info.Uses[pk].(*types.PkgName); ok {
				name := pn.Imported().Path() + "." + x.Sel.Name
				if py, ok := stdFuncValues[name]; ok {
					return py, name
				}
				p.unsupported(at, "go or defer of "+name, "a closure: go func() { "+name+"(...) }()")
			}
		}
		if sel := p.info.Selections[x]; sel != nil {
			if fn, ok := sel.Obj().(*types.Func); ok {
				if u := f.m.a.byFunc[fn.Origin()]; u != nil {
					return f.expr(x), u.name // a method value, or a method expression: (*T).M
				}
				if py, ok := stdMethodValues[methodKey(fn)]; ok && sel.Kind() == types.MethodVal {
					return f.expr(x.X) + "." + py, goMethodName(fn)
				}
				if snakeMethods[methodKey(fn)] && sel.Kind() == types.MethodVal && len(sel.Index()) == 1 {
					return f.expr(x.X) + "." + snake(fn.Name()), goMethodName(fn) // defer sb.WriteString(s) in a loop
				}
				if types.IsInterface(sel.Recv()) && isLocalInterface(p, sel.Recv()) || promotedFromInterface(p, sel) {
					return f.expr(x.X) + "." + fieldName(x.Sel.Name), x.Sel.Name
				}
			}
			if sel.Kind() == types.FieldVal {
				return f.expr(x), x.Sel.Name
			}
		}
	}
	if ix, ok := e.(*ast.IndexExpr); ok {
		if _, isFunc := under(p.info.TypeOf(ix)).(*types.Signature); isFunc {
			return f.expr(ix), types.ExprString(ix) // go handlers[name](req): the function there now
		}
	}
	if c, ok := e.(*ast.CallExpr); ok {
		return f.expr(c), types.ExprString(c) // defer trace("work")(): the function trace returns now
	}
	p.unsupported(at, "go or defer of this call", "a function of the program, a method, or a closure: go func() { ... }()")
	return "", ""
}

// stdFuncValues: functions of the standard library a go or defer statement may name.
var stdFuncValues = map[string]string{
	"fmt.Println": "go.println",
	"fmt.Print":   "go.print",
	"fmt.Printf":  "go.printf",
	"io.Copy":     "go.blocking_copy", // go io.Copy(dst, src): a goroutine that may block in either
}

// plainMethodValue: the methods of stdMethodValues that never block, which a
// method value (release := mu.Unlock) may hold where its function type's calls
// need not yield.
var plainMethodValue = map[string]bool{
	"done": true, "unlock": true, "runlock": true, "signal": true, "broadcast": true, "stop": true,
	"Close": true, "CloseWithError": true,
}

// stdMethodValues: methods of the standard library a go or defer statement may
// name, by their simlab spelling; none of them blocks (those would need a yield),
// but Once.Do and a pipe's Read and Write, which simlab writes as generators.
var stdMethodValues = map[string]string{
	"sync.WaitGroup.Done":          "done",
	"sync.Mutex.Unlock":            "unlock",
	"sync.RWMutex.Unlock":          "unlock",
	"sync.RWMutex.RUnlock":         "runlock",
	"sync.Cond.Signal":             "signal",
	"sync.Cond.Broadcast":          "broadcast",
	"sync.Once.Do":                 "do",
	"time.Timer.Stop":              "stop",
	"time.Ticker.Stop":             "stop",
	"io.PipeReader.Read":           "Read", // go pw.Write(data): a goroutine that waits for the read
	"io.PipeWriter.Write":          "Write",
	"net.Conn.Read":                "Read",
	"net.Conn.Write":               "Write",
	"io.PipeReader.Close":          "Close", // defer pr.Close() in a branch
	"io.PipeWriter.Close":          "Close",
	"io.PipeReader.CloseWithError": "CloseWithError",
	"io.PipeWriter.CloseWithError": "CloseWithError",
	"net.Conn.Close":               "Close",
	"bufio.Writer.Flush":           "flush", // defer out.Flush() in a branch
	"text/tabwriter.Writer.Flush":  "flush",
}

// goMethodName is Go's name for a method in a stack trace: sync.(*WaitGroup).Done.
func goMethodName(fn *types.Func) string {
	sig := fn.Type().(*types.Signature)
	t := sig.Recv().Type()
	if ptr, ok := t.(*types.Pointer); ok {
		return fn.Pkg().Path() + ".(*" + ptr.Elem().(*types.Named).Obj().Name() + ")." + fn.Name()
	}
	if n, ok := t.(*types.Named); ok {
		return fn.Pkg().Path() + "." + n.Obj().Name() + "." + fn.Name()
	}
	return fn.Name()
}

func (f *fn) deferStmt(s *ast.DeferStmt) {
	// in list mode: the function and its arguments now, the call at return
	p := f.p
	c := s.Call
	var callee string
	if lit, ok := c.Fun.(*ast.FuncLit); ok {
		callee = f.closure(lit)
		f.line = p.line(s)
		if f.m.a.byLit[lit].gen {
			f.deferGen = true
		}
	} else {
		callee = f.deferCallee(c, s)
	}
	args := f.args(c)
	if callee == "go.println" || callee == "go.print" || callee == "go.printf" {
		args = f.deferredFmtArgs(c, callee == "go.printf")
	}
	if callee == "go.fprintln" || callee == "go.fprint" || callee == "go.fprintf" {
		args = f.fprintArgs(c, callee == "go.fprintf")
	}
	if args != "" {
		args += ","
	}
	f.flushPre()
	f.wl(f.line, "%s.append((%s, (%s)))", f.deferLst, callee, args)
}

// deferCallee renders the function of a deferred call as a value.
func (f *fn) deferCallee(c *ast.CallExpr, s ast.Node) string {
	p := f.p
	fun := ast.Unparen(c.Fun)
	if id, ok := fun.(*ast.Ident); ok && id.Name == "close" {
		if _, ok := p.info.Uses[id].(*types.Builtin); ok {
			return "go.close"
		}
	}
	if sel, ok := fun.(*ast.SelectorExpr); ok {
		if s := p.info.Selections[sel]; s != nil {
			if fn, ok := s.Obj().(*types.Func); ok {
				if py, ok := stdMethodValues[methodKey(fn)]; ok && py != "do" {
					return f.expr(sel.X) + "." + py
				}
				if atomicMethod(fn) || syncMapMethod(fn) || methodKey(fn) == "sync.Once.Do" {
					f.deferGen = true // its operation yielded, or Do's function run, by go.call
					return f.expr(sel.X) + "." + snake(fn.Name())
				}
				if blockingMethod(fn) {
					p.unsupported(s2n(s, c), "a deferred "+methodKey(fn)+" inside a loop or a branch", "a defer at the top of the function, or a deferred closure calling it")
				}
			}
		}
	}
	switch name := calleeName(p, c); name {
	case "fmt.Fprintln", "fmt.Fprint", "fmt.Fprintf": // defer fmt.Fprintln(w, "done") in a loop
		return "go." + strings.ToLower(strings.TrimPrefix(name, "fmt."))
	}
	callee, _ := f.funcValue(fun, s)
	if u := f.calleeUnit(fun); u != nil && u.gen {
		f.deferGen = true
	} else if u == nil && f.m.a.genFamily(familyOf(p, p.info.TypeOf(fun))) {
		if !f.u.gen {
			p.unsupported(s, "a deferred call of a function value that may block, in a function that defers inside a loop or a branch",
				"a defer at the top of a function whose other defers are at the top too")
		}
		f.deferGen = true
	}
	return callee
}

func s2n(_ *types.Selection, c *ast.CallExpr) ast.Node { return c }

func (f *fn) returnStmt(s *ast.ReturnStmt) {
	// return g(): g's results, each into its own result of this function
	value := func(i int, e ast.Expr) string {
		if cls := f.arithResultClass(e, i); cls != "" && len(s.Results) > 1 {
			return f.classValue(e, cls) // return t / 2, true: a Temp, which fmt prints by its String
		}
		return f.tupleInto(e, resultTypes(f.u.sig), f.value(e))
	}
	if f.resultsLast {
		// set the results, return them after the defers: from the function's last
		// statement, by going on; from any other, by raising go.Return
		if len(s.Results) > 0 {
			var parts []string
			for i, r := range s.Results {
				parts = append(parts, value(i, r))
			}
			f.setResults(parts)
		}
		if body := f.u.body.List; s != body[len(body)-1] {
			f.flushPre()
			f.wl(f.line, "raise go.Return")
		}
		return
	}
	if len(s.Results) == 0 {
		f.flushPre()
		if len(f.results) > 0 {
			f.wl(f.line, "return %s", strings.Join(f.results, ", "))
		} else {
			f.wl(f.line, "return")
		}
		return
	}
	if len(f.results) > 0 && (hasDefer(f.u.body) || f.resultShared()) {
		// Go sets the named results, then runs the deferred calls, which may read them
		// (and so may a closure that outlives the call: return 6, get of a get
		// reading n)
		var parts []string
		for i, r := range s.Results {
			parts = append(parts, value(i, r))
		}
		f.setResults(parts)
		f.wl(f.line, "return %s", strings.Join(f.results, ", "))
		return
	}
	var parts []string
	if len(s.Results) == 1 {
		if c, ok := ast.Unparen(s.Results[0]).(*ast.CallExpr); ok && !f.p.ifaceValues[s.Results[0]] { // else go.as_value
			text, _ := f.call(c)
			parts = append(parts, f.tupleInto(c, resultTypes(f.u.sig), f.timePointerResult(c, text)))
		} else if cls := f.arithResultClass(s.Results[0], 0); cls != "" {
			parts = append(parts, f.classValue(s.Results[0], cls)) // return N(n) + 1: an N, which fmt prints by its String
		} else {
			parts = append(parts, f.value(s.Results[0]))
		}
	} else {
		for i, r := range s.Results {
			parts = append(parts, value(i, r))
		}
	}
	f.flushPre()
	f.wl(f.line, "return %s", strings.Join(parts, ", "))
}

// setResults: the named results take the values a return statement gives them
// (parts), before the deferred calls run: a struct result whose address the
// function takes (p := &r, for a deferred p.N = 7) takes them in place, where
// the pointer still reaches it.
func (f *fn) setResults(parts []string) {
	f.flushPre()
	var stored []int
	for i := range f.results {
		if v := f.u.sig.Results().At(i); f.m.addressed[v] && isStructValueType(v.Type()) {
			stored = append(stored, i)
		}
	}
	if len(parts) != len(f.results) {
		stored = nil // return g() of two results: one tuple, assigned as it is
	}
	if len(stored) == 0 {
		f.wl(f.line, "%s = %s", strings.Join(f.results, ", "), strings.Join(parts, ", "))
		return
	}
	if len(parts) > 1 { // every value before any result takes one, as Go's
		temps := make([]string, len(parts))
		for i := range parts {
			temps[i] = f.temp("r")
		}
		f.wl(f.line, "%s = %s", strings.Join(temps, ", "), strings.Join(parts, ", "))
		parts = temps
	}
	for i, name := range f.results {
		if slices.Contains(stored, i) {
			f.wl(f.line, "go.store(%s, %s)", name, parts[i])
		} else {
			f.wl(f.line, "%s = %s", name, parts[i])
		}
	}
}

// arithResultClass: the class of the function's i-th result where r, the value
// it returns there, is arithmetic on a named number type with a String or Error method,
// whose result is a plain number here (a library function that stores it, a
// generic's yield, would keep it without its method); else "".
func (f *fn) arithResultClass(r ast.Expr, i int) string {
	rt := resultTypes(f.u.sig)
	if i >= len(rt) || !hasFmtMethod(rt[i]) {
		return ""
	}
	switch x := ast.Unparen(r).(type) {
	case *ast.BinaryExpr:
		if !isArithOp(x.Op) {
			return ""
		}
	case *ast.UnaryExpr:
		if x.Op != token.SUB && x.Op != token.XOR {
			return ""
		}
	default:
		return ""
	}
	return f.m.basicClass(rt[i])
}

// isArithOp: op is one of Go's arithmetic or bitwise operators.
func isArithOp(op token.Token) bool {
	switch op {
	case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR,
		token.SHL, token.SHR, token.AND_NOT:
		return true
	}
	return false
}

// resultTypes: the types of sig's results (none for a nil sig).
func resultTypes(sig *types.Signature) []types.Type {
	var out []types.Type
	if sig != nil {
		for i := 0; i < sig.Results().Len(); i++ {
			out = append(out, sig.Results().At(i).Type())
		}
	}
	return out
}

// resultShared: a closure of the function reads or writes one of its named results.
func (f *fn) resultShared() bool {
	res := f.u.sig.Results()
	for i := 0; i < res.Len(); i++ {
		if f.sharedVars()[res.At(i)] {
			return true
		}
	}
	return false
}

// hasDefer: the function body has a defer statement (not one of a closure's).
func hasDefer(body *ast.BlockStmt) bool {
	return hasOwn(body, func(n ast.Node) bool { _, ok := n.(*ast.DeferStmt); return ok })
}

// hasOwn: n holds a node that match accepts, outside the closures in it.
func hasOwn(n ast.Node, match func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if _, lit := m.(*ast.FuncLit); lit {
			return false
		}
		found = found || m != nil && match(m)
		return !found
	})
	return found
}

func (f *fn) ifStmt(s *ast.IfStmt, elif bool) {
	if s.Init != nil {
		if elif {
			// else if with an init statement: an else block of its own, which runs it
			f.w("else:")
			f.indent++
			f.ifStmt(s, false)
			f.indent--
			return
		}
		f.stmt(s.Init)
		f.line = f.p.line(s)
	}
	before := len(f.lines)
	cond := f.cond(s.Cond)
	if elif && (len(f.pre) > 0 || len(f.lines) > before) {
		// the condition needs lines first (a receive's temporary, a function
		// literal's def): an else: block of its own, which writes them
		f.intoElse(before)
		f.flushPre()
		f.wl(f.line, "if %s:", cond)
		f.block(s.Body.List)
		f.elseBranch(s)
		f.indent--
		return
	}
	f.flushPre()
	kw := "if"
	if elif {
		kw = "elif"
	}
	f.wl(f.line, "%s %s:", kw, cond)
	f.block(s.Body.List)
	f.elseBranch(s)
}

// intoElse opens an else: block (the indent one deeper) and moves into it the
// lines written since before, which an elif's condition needs run first.
func (f *fn) intoElse(before int) {
	added := slices.Clone(f.lines[before:])
	f.lines = f.lines[:before]
	f.wl(f.line, "else:")
	f.indent++
	for _, l := range added {
		f.lines = append(f.lines, "    "+l)
	}
}

func (f *fn) elseBranch(s *ast.IfStmt) {
	switch e := s.Else.(type) {
	case nil:
	case *ast.IfStmt:
		f.line = f.p.line(e)
		f.called = false
		f.ifStmt(e, true)
	case *ast.BlockStmt:
		f.w("else:")
		f.block(e.List)
	}
}

// cond renders a condition (no hoisting inside && and || operands).
func (f *fn) cond(e ast.Expr) string {
	return f.expr(e)
}

func (f *fn) pushLoop(label string, n ast.Node) (restore func()) {
	saved := f.switches
	loop := loopInfo{label: label, node: n, python: true}
	if _, isCase := n.(*ast.CaseClause); isCase {
		loop.switchCase = true
	} else if _, isCase := n.(*ast.CommClause); isCase {
		loop.switchCase = true
	} else {
		// flags for the break L and continue L of loops inside this one, and for a
		// continue inside a case's one-iteration loop, cleared as it starts:
		// Python's break and continue reach the innermost loop only
		brk, cont := outerBranches(n, label)
		name := label
		if name == "" {
			name = "loop"
		}
		if brk {
			loop.breakFlag = f.temp("break_" + name)
			f.wl(f.line, "%s = False", loop.breakFlag)
		}
		if cont {
			loop.continueFlag = f.temp("continue_" + name)
			f.wl(f.line, "%s = False", loop.continueFlag)
		}
	}
	f.loops = append(f.loops, loop)
	f.switches = 0
	return func() {
		ended := f.loops[len(f.loops)-1]
		f.loops = f.loops[:len(f.loops)-1]
		f.switches = saved
		for _, flag := range ended.checks {
			outer := &f.loops[len(f.loops)-1]
			if flag == outer.continueFlag {
				f.w("if %s:", flag)
				f.w("    %s = False", flag)
				f.indent++
				f.advance(*outer)
				f.indent--
				f.w("    continue")
			} else {
				f.w("if %s:", flag)
				f.w("    break")
			}
		}
	}
}

// outerBranches: whether a loop labelled label has a break label, a continue label,
// inside a loop nested in it.
func outerBranches(loop ast.Node, label string) (brk, cont bool) {
	branches(loop, func(b *ast.BranchStmt, inLoop, inCase bool) {
		switch {
		case b.Label != nil && b.Label.Name == label && label != "" && (inLoop || inCase):
			brk = brk || b.Tok == token.BREAK
			cont = cont || b.Tok == token.CONTINUE
		case b.Label == nil && b.Tok == token.CONTINUE && !inLoop && inCase:
			cont = true
		}
	})
	return brk, cont
}

// branches calls visit for each break and continue of a loop's body (not those of
// the closures in it), inLoop telling one inside a loop within the loop, inCase
// one inside a switch or select case that is a loop of its own (breakingCase).
func branches(loop ast.Node, visit func(b *ast.BranchStmt, inLoop, inCase bool)) {
	loops, cases := 0, 0
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt, *ast.RangeStmt:
			if n == loop {
				return true
			}
			loops++
			ast.Inspect(n, func(m ast.Node) bool { return m == n || walk(m) })
			loops--
			return false
		case *ast.CaseClause, *ast.CommClause:
			if !breakingCase(n) {
				return true
			}
			cases++
			ast.Inspect(n, func(m ast.Node) bool { return m == n || walk(m) })
			cases--
			return false
		case *ast.BranchStmt:
			visit(n, loops > 0, cases > 0)
		}
		return true
	}
	ast.Inspect(loop, walk)
}

func (f *fn) forStmt(s *ast.ForStmt, label string) {
	start := len(f.lines)
	f.forLoop(s, label)
	if s.Cond != nil && readsClock(f.p, s.Cond) && !endsByItsBody(f.p, s) || s.Cond == nil && exitsOnClock(f.p, s.Body) {
		for _, l := range f.lines[start:] {
			op, _, _ := strings.Cut(strings.TrimSpace(l), "  # L")
			if strings.Contains(l, "yield") && op != "yield rt.gosched()" { // Gosched blocks on nothing
				return
			}
		}
		f.p.unsupported(s, "a loop that waits for the clock without blocking (simulated time moves only while every goroutine is blocked)",
			"time.Sleep until the instant, or a timer")
	}
}

// endsByItsBody: the loop's condition is a conjunction of which one operand does
// not read the clock and reads a variable the body changes (for len(due) > 0 &&
// !time.Now().Before(due[0]) { due = due[1:] }, h.Len() > 0 of a heap the body
// pops): the loop pops what is due, and that operand ends it without the clock.
func endsByItsBody(p *program, s *ast.ForStmt) bool {
	var operands []ast.Expr
	var split func(e ast.Expr)
	split = func(e ast.Expr) {
		if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.LAND {
			split(b.X)
			split(b.Y)
			return
		}
		operands = append(operands, e)
	}
	split(s.Cond)
	changed := map[types.Object]bool{}
	ast.Inspect(s.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if obj := rootObj(p, ast.Unparen(l)); obj != nil {
					changed[obj] = true
				}
			}
		case *ast.IncDecStmt:
			if obj := rootObj(p, ast.Unparen(n.X)); obj != nil {
				changed[obj] = true
			}
		case *ast.CallExpr:
			if name := calleeName(p, n); (name == "container/heap.Pop" || name == "container/heap.Remove") && len(n.Args) > 0 {
				if obj := rootObj(p, ast.Unparen(n.Args[0])); obj != nil {
					changed[obj] = true
				}
			}
		}
		return true
	})
	for _, e := range operands {
		if readsClock(p, e) {
			continue
		}
		reads := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && changed[p.info.Uses[id]] {
				reads = true
			}
			return !reads
		})
		if reads {
			return true
		}
	}
	return false
}

// exitsOnClock: does the body of a loop without a condition leave it (break,
// return) under an if whose condition reads the clock, for i := 1; ; i++ { if
// ctx.Err() != nil { break } }?
func exitsOnClock(p *program, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if readsClock(p, n.Cond) {
				ast.Inspect(n.Body, func(m ast.Node) bool {
					switch m := m.(type) {
					case *ast.FuncLit:
						return false
					case *ast.ReturnStmt:
						found = true
					case *ast.BranchStmt:
						found = found || m.Tok == token.BREAK || m.Tok == token.GOTO
					}
					return !found
				})
			}
		}
		return !found
	})
	return found
}

// readsClock: does e call time.Now, time.Since or time.Until, or a context's Err
// (whose deadline is the clock's)?
func readsClock(p *program, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			if sel, ok := ast.Unparen(c.Fun).(*ast.SelectorExpr); ok {
				if fn, ok := p.info.Uses[sel.Sel].(*types.Func); ok && fn.Pkg() != nil && fn.Pkg().Path() == "time" {
					switch fn.Name() {
					case "Now", "Since", "Until":
						found = true
					}
				}
				if fn, ok := p.info.Uses[sel.Sel].(*types.Func); ok && methodKey(fn) == "context.Context.Err" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func (f *fn) forLoop(s *ast.ForStmt, label string) {
	p := f.p
	if s.Init == nil && s.Post == nil {
		cond := "True"
		if s.Cond != nil {
			cond = f.cond(s.Cond)
			if len(f.pre) > 0 {
				f.pre = nil
				done := f.pushLoop(label, s)
				f.wl(f.line, "while True:")
				f.indent++
				f.line = p.line(s)
				c := f.cond(s.Cond)
				f.flushPre()
				f.wl(f.line, "if not %s:", paren(c))
				f.w("    break")
				f.stmts(s.Body.List)
				f.indent--
				done()
				return
			}
		}
		done := f.pushLoop(label, s)
		f.wl(f.line, "while %s:", cond)
		f.block(s.Body.List)
		done()
		return
	}
	if r, ok := f.countingLoop(s); ok && len(f.m.iterVars[s]) == 0 {
		done := f.pushLoop(label, s)
		f.wl(f.line, "for %s in %s:", r[0], r[1])
		f.block(s.Body.List)
		done()
		return
	}
	// the general form: init; while cond: body; post (and post before each continue)
	if s.Init != nil {
		f.stmt(s.Init)
		f.line = p.line(s)
	}
	cond := "True"
	if s.Cond != nil {
		cond = f.cond(s.Cond)
		if len(f.pre) > 0 {
			p.unsupported(s.Cond, "a receive or a blocking call in a loop condition", "receive in the loop body")
		}
	}
	done := f.pushLoop(label, s)
	f.loops[len(f.loops)-1].post = s.Post
	f.loops[len(f.loops)-1].iterVars = f.m.iterVars[s]
	f.wl(f.line, "while %s:", cond)
	f.indent++
	f.stmts(s.Body.List)
	f.advance(f.loops[len(f.loops)-1])
	f.indent--
	done()
}

// advance writes what ends an iteration of a while loop before its condition:
// the next iteration's copy of each variable a closure of the body captured
// (Go 1.22 gives every iteration its own), then the post statement.
func (f *fn) advance(loop loopInfo) {
	line := f.line
	for _, v := range loop.iterVars {
		name := f.name(v)
		f.w("%s = go.Ref(%s.v)  # the next iteration's %s, a copy of this one's", name, name, v.Name())
	}
	if loop.post != nil {
		f.stmt(loop.post)
	}
	f.line = line
}

// countingLoop: for i := a; i < b; i++ as for i in range(a, b).
func (f *fn) countingLoop(s *ast.ForStmt) ([2]string, bool) {
	p := f.p
	init, ok := s.Init.(*ast.AssignStmt)
	if !ok || init.Tok != token.DEFINE || len(init.Lhs) != 1 || s.Cond == nil || s.Post == nil {
		return [2]string{}, false
	}
	id := init.Lhs[0].(*ast.Ident)
	obj := p.info.Defs[id]
	if obj == nil || !isInt(obj.Type()) || f.m.a.assigns[obj] > 0 {
		return [2]string{}, false
	}
	if intWrap(obj.Type()) != "" {
		return [2]string{}, false // an int8 or a uint8 wraps: i <= 127, i >= 0 may never end
	}
	if f.m.sharedLoopVar(obj) && capturedIn(s.Body, obj, p) {
		return [2]string{}, false // a closure sees the variable after the loop: n, not range's n-1
	}
	cond, ok := s.Cond.(*ast.BinaryExpr)
	if !ok {
		return [2]string{}, false
	}
	if cid, ok := cond.X.(*ast.Ident); !ok || p.info.Uses[cid] != obj {
		return [2]string{}, false
	}
	step := int64(0)
	switch post := s.Post.(type) {
	case *ast.IncDecStmt:
		if pid, ok := post.X.(*ast.Ident); !ok || p.info.Uses[pid] != obj {
			return [2]string{}, false
		}
		step = 1
		if post.Tok == token.DEC {
			step = -1
		}
	case *ast.AssignStmt:
		if pid, ok := post.Lhs[0].(*ast.Ident); !ok || p.info.Uses[pid] != obj || len(post.Rhs) != 1 {
			return [2]string{}, false
		}
		v := p.info.Types[post.Rhs[0]].Value
		if v == nil {
			return [2]string{}, false
		}
		n, _ := constantInt(v)
		switch post.Tok {
		case token.ADD_ASSIGN:
			step = n
		case token.SUB_ASSIGN:
			step = -n
		default:
			return [2]string{}, false
		}
	default:
		return [2]string{}, false
	}
	if step == 0 || writesIn(p, s.Body, cond.Y) || f.m.changedByCalls(s.Body, cond.Y) {
		return [2]string{}, false
	}
	from := f.value(init.Rhs[0])
	bound := f.value(cond.Y)
	if len(f.pre) > 0 {
		f.pre = nil
		return [2]string{}, false
	}
	switch {
	case cond.Op == token.LSS && step > 0:
	case cond.Op == token.LEQ && step > 0:
		bound = plusOne(bound, 1)
	case cond.Op == token.GTR && step < 0:
	case cond.Op == token.GEQ && step < 0:
		bound = plusOne(bound, -1)
	default:
		return [2]string{}, false
	}
	name := f.define(id)
	if !usesObj(p, s.Body, obj) {
		name = "_" // the body does not read it: for _ in range(3)
	}
	var r string
	switch {
	case step == 1 && from == "0":
		r = fmt.Sprintf("range(%s)", bound)
	case step == 1:
		r = fmt.Sprintf("range(%s, %s)", from, bound)
	default:
		r = fmt.Sprintf("range(%s, %s, %d)", from, bound, step)
	}
	return [2]string{name, r}, true
}

// usesObj: does n mention the variable obj?
func usesObj(p *program, n ast.Node, obj types.Object) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && p.info.Uses[id] == obj {
			found = true
		}
		return !found
	})
	return found
}

func constantInt(v constant.Value) (int64, bool) {
	return constant.Int64Val(constant.ToInt(v))
}

func plusOne(s string, d int) string {
	if d > 0 {
		return s + " + 1"
	}
	return s + " - 1"
}

// writesIn: is any variable named in e assigned (or appended to) in body?
func writesIn(p *program, body ast.Node, e ast.Expr) bool {
	objs := map[types.Object]bool{}
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if o := p.info.Uses[id]; o != nil {
				objs[o] = true
			}
		}
		if _, ok := n.(*ast.CallExpr); ok {
			if c := n.(*ast.CallExpr); !isBuiltinCall(p, c, "len") {
				objs[nil] = true // a call: assume it may change
			}
		}
		return true
	})
	if objs[nil] {
		return true
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		}
		for _, l := range lhs {
			if r := rootObj(p, l); r != nil && objs[r] {
				found = true
			}
		}
		return true
	})
	return found
}

// changedByCalls: a call in body may change what the loop bound e reads (i <
// len(queue) of a queue a closure or a method appends to): e reads a field, a
// package's variable, or a local that a closure assigns or whose address is
// taken, and body calls a function of the program, or one of the library's
// given a pointer.
func (m *module) changedByCalls(body ast.Node, e ast.Expr) bool {
	p := m.p
	reached := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if s := p.info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
				reached = true // q.items: a method of q may append to it
			}
		case *ast.Ident:
			if v, ok := p.info.Uses[x].(*types.Var); ok && !v.IsField() &&
				(v.Parent() == v.Pkg().Scope() || m.p.addressTaken(v) || assignedInClosure(p, v)) {
				reached = true
			}
		}
		return !reached
	})
	if !reached {
		return false
	}
	calls := false
	ast.Inspect(body, func(n ast.Node) bool {
		c, ok := n.(*ast.CallExpr)
		if !ok || p.info.Types[c.Fun].IsType() {
			return !calls
		}
		if _, builtin := p.info.Uses[identOf(ast.Unparen(c.Fun))].(*types.Builtin); builtin {
			return !calls
		}
		// the library's calls reach the program's variables only through a pointer
		// given to them (json.Unmarshal(b, &q))
		calls = !m.a.toLibrary(c) || slices.ContainsFunc(c.Args, func(a ast.Expr) bool { return isPointer(p.info.TypeOf(a)) })
		return !calls
	})
	return calls
}

// assignedInClosure: a function literal assigns v, a variable declared outside it.
func assignedInClosure(p *program, v *types.Var) bool {
	found := false
	for _, file := range p.files {
		ast.Inspect(file, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok && !found && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
				found = assignedIn(p, lit.Body, v)
			}
			return !found
		})
	}
	return found
}

func isBuiltinCall(p *program, c *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || id.Name != name {
		return false
	}
	_, ok = p.info.Uses[id].(*types.Builtin)
	return ok
}

func (f *fn) isBuiltin(c *ast.CallExpr, name string) bool { return isBuiltinCall(f.p, c, name) }

func (f *fn) rangeStmt(s *ast.RangeStmt, label string) {
	p := f.p
	if key, isIdent := ast.Unparen(s.Key).(*ast.Ident); isIdent && s.Tok == token.ASSIGN && s.Value != nil {
		if _, plain := ast.Unparen(s.Value).(*ast.Ident); !plain && usesObj(p, s.Value, p.info.Uses[key]) {
			// Python assigns the key first, then reads the value target's operands
			p.unsupported(s, "a range whose element target reads its index target (for i, x[i] = range x: Go reads "+
				"x[i]'s i before it assigns i)", "range into new variables and assign them in the body")
		}
	}
	t := under(p.info.TypeOf(s.X))
	if tp, ok := p.info.TypeOf(s.X).(*types.TypeParam); ok && stringTypeSet(tp) {
		t = types.Typ[types.String] // for range s of an S ~string: its runes
	}
	var key, val string
	target := func(e ast.Expr) string {
		if e == nil {
			return "_"
		}
		if s.Tok == token.DEFINE {
			return f.define(e.(*ast.Ident))
		}
		return f.lvalue(e)
	}
	x := f.expr(s.X)
	throughPointer := false
	if ptr, ok := t.(*types.Pointer); ok && isArrayType(ptr.Elem()) {
		x, t = f.operand(s.X, 6)+".v", under(ptr.Elem()) // range p of a *[4]int: the array
		throughPointer = true
	}
	f.flushPre()
	switch t := t.(type) {
	case *types.Chan:
		key = target(s.Key)
		if key == "_" {
			key = f.temp("v")
		}
		if id, isIdent := ast.Unparen(s.X).(*ast.Ident); !isIdent || assignedIn(p, s.Body, p.info.Uses[id]) {
			// Go evaluates the range expression once: a call, a field or a variable the
			// body assigns is read before the loop, not at every receive
			ch := f.temp("ch")
			f.wl(f.line, "%s = %s", ch, x)
			x = ch
		}
		ok := f.temp("ok")
		done := f.pushLoop(label, s)
		f.wl(f.line, "while True:")
		f.indent++
		f.wl(f.line, "%s, %s = yield %s.recv()", key, ok, x)
		f.w("if not %s:", ok)
		f.w("    break")
		f.stmts(s.Body.List)
		f.indent--
		done()
		return
	case *types.Basic:
		if t.Info()&types.IsInteger != 0 {
			key = target(s.Key)
			done := f.pushLoop(label, s)
			f.wl(f.line, "for %s in range(%s):", key, x)
			f.block(s.Body.List)
			done()
			return
		}
		if t.Info()&types.IsString != 0 {
			// each rune and the byte offset it starts at, as Go ranges over a string
			key, val = target(s.Key), target(s.Value)
			done := f.pushLoop(label, s)
			f.wl(f.line, "for %s, %s in go.runes(%s):", key, val, x)
			f.rangeBody(s, "_", t)
			done()
			return
		}
		p.unsupported(s, "range over this type", "")
	case *types.Array:
		if s.Value == nil && !hasCall(s.X) {
			// for i := range p: the array's length, a constant the spec says is all
			// Go reads of p (a nil *[3]int too) where p calls nothing
			key = target(s.Key)
			done := f.pushLoop(label, s)
			f.wl(f.line, "for %s in range(%d):", key, t.Len())
			f.block(s.Body.List)
			done()
			return
		}
		if !throughPointer {
			x = f.m.copyArray(x, t, s) // Go ranges over a copy of the array, not through a pointer
		}
		f.rangeList(s, label, x, t.Elem(), target)
		return
	case *types.Slice:
		if sl, ok := ast.Unparen(s.X).(*ast.SliceExpr); ok && sl.Low == nil && sl.High == nil && sl.Max == nil && s.Value != nil {
			// range arr[:]: each element read as the loop reaches it, a write of
			// the body ahead of it seen, as Go's; no copy of the list
			x = "go.ranged(" + f.sequence(sl.X) + ")"
		}
		f.rangeList(s, label, x, t.Elem(), target)
		return
	case *types.Map:
		key, val = target(s.Key), target(s.Value)
		done := f.pushLoop(label, s)
		// Go's map iteration order is unspecified: the strategy picks it
		if f.liveMapRange(s, p.info.TypeOf(s.X)) {
			if val == "_" {
				f.wl(f.line, "for %s in go.range_map(rt, %s):", key, x)
			} else {
				f.wl(f.line, "for %s, %s in go.range_map_items(rt, %s):", key, val, x)
			}
		} else if val == "_" {
			f.wl(f.line, "for %s in rt.shuffled(list(%s)):", key, x)
		} else {
			f.wl(f.line, "for %s, %s in rt.shuffled(list(%s.items())):", key, val, x)
		}
		f.rangeBody(s, val, t.Elem())
		done()
		return
	case *types.Signature:
		// range over an iterator: go.Range runs it as a generator until it yields an
		// element (the loop's next), and sends it false and runs it to its end when the
		// loop stops early (break, return, a panic)
		yieldSig := under(t.Params().At(0).Type()).(*types.Signature)
		it := f.temp("it")
		f.wl(f.line, "%s = go.Range(%s)", it, x)
		f.w("try:")
		f.indent++
		done := f.pushLoop(label, s)
		f.wl(f.line, "while (yield from %s.next()):", it)
		f.indent++
		switch yieldSig.Params().Len() {
		case 1:
			if key = target(s.Key); key != "_" {
				f.wl(f.line, "%s = %s.v", key, it)
			}
		case 2:
			key, val = target(s.Key), target(s.Value)
			if key != "_" || val != "_" {
				f.wl(f.line, "%s, %s = %s.v", key, val, it)
			}
		}
		f.indent--
		var elem types.Type
		if yieldSig.Params().Len() == 2 {
			elem = yieldSig.Params().At(1).Type()
		} else if yieldSig.Params().Len() == 1 {
			elem = yieldSig.Params().At(0).Type()
			val = key
		}
		if elem == nil {
			elem = types.Typ[types.Int]
		}
		f.rangeBody(s, val, elem)
		done()
		f.indent--
		f.w("finally:")
		f.w("    yield from %s.stop()", it)
		return
	}
	p.unsupported(s, "range over this type", "a channel, a slice, a map or an integer")
}

// rangeList writes a range over a slice, or an array, a list x of elem.
func (f *fn) rangeList(s *ast.RangeStmt, label, x string, elem types.Type, target func(ast.Expr) string) {
	key, val := target(s.Key), target(s.Value)
	done := f.pushLoop(label, s)
	if val != "_" && (rangedGrows(f.p, s) || f.rangedGrowsByCall(s)) && !strings.HasPrefix(x, "go.ranged(") {
		x = "go.ranged(" + x + ")" // queue = append(queue, n) in the body: the length read once
	}
	switch {
	case val == "_":
		f.wl(f.line, "for %s in range(len(%s)):", key, x)
	case key == "_":
		f.wl(f.line, "for %s in %s:", val, x)
	default:
		f.wl(f.line, "for %s, %s in enumerate(%s):", key, val, x)
	}
	f.rangeBody(s, val, elem)
	done()
}

// rangedGrows: the body of a range over a slice variable (or field) assigns it
// or takes its address, so that an append may grow the list the loop runs over
// in place.
func rangedGrows(p *program, s *ast.RangeStmt) bool {
	if _, ok := under(p.info.TypeOf(s.X)).(*types.Slice); !ok {
		return false
	}
	grows := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		for _, l := range writeTargets(n) {
			grows = grows || l != nil && sameVar(p, l, s.X)
		}
		return !grows
	})
	return grows
}

// rangedGrowsByCall: the body of a range over a slice that a call may change (a
// field through a pointer, a package's variable, one a closure shares) makes a
// call of the program's, which may append to it in place: b.Emit(e) of an Emit
// appending to b.events.
func (f *fn) rangedGrowsByCall(s *ast.RangeStmt) bool {
	if _, ok := under(f.p.info.TypeOf(s.X)).(*types.Slice); !ok || !f.mayChange(s.X) {
		return false
	}
	grows := false
	ast.Inspect(s.Body, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && !f.p.info.Types[c.Fun].IsType() && f.mayWrite(c) {
			grows = true
		}
		return !grows
	})
	return grows
}

// rangeBody writes a range loop's body; a struct value is copied into the
// iteration's variable val first, as Go copies each element.
func (f *fn) rangeBody(s *ast.RangeStmt, val string, elem types.Type) {
	f.indent++
	start := len(f.lines)
	if val != "_" && f.m.isStructValue(elem) {
		f.m.copyable(elem, s)
		f.wl(f.p.line(s), "%s = go.copy(%s)", val, val)
	}
	if tp, ok := elem.(*types.TypeParam); ok && val != "_" && !basicTypeSet(tp) {
		// a T that may be a struct or an array type, which the body writes or points
		// to: a copy where it is one (go.copied)
		if id, ok := s.Value.(*ast.Ident); ok && !readsOnly(f.p, s.Body, f.p.info.ObjectOf(id), nil, 0) {
			f.wl(f.p.line(s), "%s = go.copied(%s, %s)", val, tp.Obj().Name(), val)
		}
	}
	for _, e := range []ast.Expr{s.Key, s.Value} {
		id, ok := e.(*ast.Ident)
		if !ok || id.Name == "_" {
			continue
		}
		obj := f.p.info.ObjectOf(id)
		if at, ok := under(obj.Type()).(*types.Array); ok && !readsOnly(f.p, s.Body, obj, nil, 0) {
			// an array element or map key, copied: the iteration's array is its own
			name := f.lvalue(id)
			f.wl(f.p.line(s), "%s = %s", name, f.m.copyArray(name, at, s))
		}
	}
	for _, e := range []ast.Expr{s.Key, s.Value} {
		if id, ok := e.(*ast.Ident); ok && f.m.rangeRefs[f.p.info.Defs[id]] {
			name := f.name(f.p.info.Defs[id])
			f.w("%s = go.Ref(%s)  # this iteration's %s, which a closure captures", name, name, id.Name)
		}
	}
	f.stmts(s.Body.List)
	if len(f.lines) == start {
		f.w("pass")
	}
	f.indent--
}

func (f *fn) switchStmt(s *ast.SwitchStmt) {
	p := f.p
	if s.Init != nil {
		f.stmt(s.Init)
		f.line = p.line(s)
	}
	tag := ""
	if s.Tag != nil {
		tag = f.value(s.Tag)
		cases := slices.ContainsFunc(s.Body.List, func(c ast.Stmt) bool { return c.(*ast.CaseClause).List != nil })
		if !isSimple(tag) || !cases {
			// (with no case to compare it, the tag is still evaluated, as Go's is: a
			// nil p's switch p.N { default: ... } panics)
			t := f.temp("tag")
			f.flushPre()
			f.wl(f.line, "%s = %s", t, tag)
			tag = t
		}
	}
	f.flushPre()
	var deflt *ast.CaseClause
	first := true
	caseVar := ""
	index := map[*ast.CaseClause]int{}
	if fallsThrough(s) {
		caseVar = f.temp("case")
		for i, c := range s.Body.List {
			index[c.(*ast.CaseClause)] = i
		}
	}
	saved := f.fallTo
	f.fallTo = "" // a fallthrough of an enclosing switch's case is not this one's
	nested := 0   // else: blocks opened for a case whose expression needs lines of its own
	defer func() { f.fallTo, f.indent = saved, f.indent-nested }()
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		f.line = p.line(cc)
		var conds []string
		before := len(f.lines)
		for _, e := range cc.List {
			if tag == "" {
				conds = append(conds, f.expr(e))
			} else {
				conds = append(conds, f.compare(tag, s.Tag, e, "=="))
			}
		}
		if len(f.pre) > 0 {
			p.unsupported(cc, "a receive or a blocking call in a case expression", "receive before the switch")
		}
		kw := "elif"
		if first {
			kw = "if"
		}
		if len(f.lines) > before && !first {
			// a function literal's def (case strings.IndexFunc(s, func...) >= 0): in
			// an else: block, before the if its case becomes there
			f.intoElse(before)
			nested++
			kw = "if"
		}
		first = false
		cond := strings.Join(conds, " or ")
		if len(conds) > 1 {
			for i := range conds {
				if !isSimple(conds[i]) && strings.Contains(conds[i], " or ") {
					conds[i] = "(" + conds[i] + ")"
				}
			}
			cond = strings.Join(conds, " or ")
		}
		f.wl(f.line, "%s %s:", kw, cond)
		if caseVar != "" {
			f.wl(f.line, "    %s = %d", caseVar, index[cc])
			continue
		}
		f.caseBody(cc)
	}
	if caseVar != "" {
		// a fallthrough: the case is chosen first, then each body runs if it is the
		// chosen one's or the one before fell through to it
		none, at := -1, f.line // the case when none matches: default's, or none
		if deflt != nil {
			none, at = index[deflt], p.line(deflt)
		}
		if first {
			f.wl(at, "%s = %d", caseVar, none)
		} else {
			f.wl(at, "else:")
			f.wl(at, "    %s = %d", caseVar, none)
		}
		for i, c := range s.Body.List {
			cc := c.(*ast.CaseClause)
			f.fallTo = fmt.Sprintf("%s = %d", caseVar, i+1) // the deferred call restores it
			f.wl(p.line(cc), "if %s == %d:", caseVar, i)
			f.caseBody(cc)
		}
		return
	}
	if deflt != nil {
		if first {
			f.caseStmts(deflt)
			return
		}
		f.wl(p.line(deflt), "else:")
		f.caseBody(deflt)
	}
}

// fallsThrough: a clause of the switch ends in fallthrough.
func fallsThrough(s *ast.SwitchStmt) bool {
	for _, c := range s.Body.List {
		body := c.(*ast.CaseClause).Body
		if n := len(body); n > 0 {
			if b, ok := body[n-1].(*ast.BranchStmt); ok && b.Tok == token.FALLTHROUGH {
				return true
			}
		}
	}
	return false
}

// concreteCase: a type switch's clause whose variable is not the interface's
// object itself: case *T of a program that holds (*T)(nil) in interfaces (the
// pointer, nil; *bytes.Buffer's too), case T of one that makes contexts of its values (the value a
// go.CustomContext holds).
func (f *fn) concreteCase(cc *ast.CaseClause) bool {
	p := f.p
	if len(cc.List) != 1 || len(p.ifaceNils) == 0 && len(p.ifaceContexts) == 0 {
		return false
	}
	t := p.info.TypeOf(cc.List[0])
	ptr, isPtr := t.(*types.Pointer)
	return isPtr && (f.m.isStructValue(ptr.Elem()) || typedNilLibraryClass(t) != "") || !isPtr && len(p.ifaceContexts) > 0 && f.m.isStructValue(t)
}

// typeSwitch: switch v := x.(type) as an if/elif chain over the dynamic type of
// x. The clauses' v are one Python variable: the value is the same object, only
// its static type differs from clause to clause.
func (f *fn) typeSwitch(s *ast.TypeSwitchStmt) {
	p := f.p
	if s.Init != nil {
		f.stmt(s.Init)
		f.line = p.line(s)
	}
	var x ast.Expr
	var bind *ast.Ident
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		bind, x = a.Lhs[0].(*ast.Ident), a.Rhs[0].(*ast.TypeAssertExpr).X
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	}
	subject := f.value(x)
	var objs []types.Object
	if bind != nil {
		for _, c := range s.Body.List {
			if obj := p.info.Implicits[c]; obj != nil {
				objs = append(objs, obj)
			}
		}
	}
	// switch e := e.(type): the clauses' e can be the outer e when neither is reassigned
	reuse := false
	if id, ok := ast.Unparen(x).(*ast.Ident); ok && bind != nil && id.Name == bind.Name && len(f.pre) == 0 && !strings.Contains(subject, ".") {
		if v, ok := p.info.Uses[id].(*types.Var); ok && !assignedIn(p, s.Body, v) {
			reuse = true
			for _, obj := range objs {
				reuse = reuse && f.m.a.assigns[obj] == 0
			}
			for _, c := range s.Body.List {
				reuse = reuse && !f.concreteCase(c.(*ast.CaseClause)) // the outer e stays the interface
			}
		}
	}
	switch {
	case bind != nil && reuse:
		for _, obj := range objs {
			f.names[obj] = subject
		}
	case bind != nil:
		name := f.alloc(nil, bind.Name)
		for _, obj := range objs {
			f.names[obj] = name
		}
		f.flushPre()
		f.wl(f.line, "%s = %s", name, subject)
		subject = name
	case !isSimple(subject):
		t := f.temp("x")
		f.flushPre()
		f.wl(f.line, "%s = %s", t, subject)
		subject = t
	}
	f.flushPre()
	refuseRefCases(p, s)
	var deflt *ast.CaseClause
	first := true
	param := convertedParam(p, x) // switch any(v) of a v of a type parameter's type
	for _, c := range s.Body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			deflt = cc
			continue
		}
		f.line = p.line(cc)
		var conds []string
		for _, e := range cc.List {
			test := f.typeTest(subject, e)
			if param != nil && strings.HasPrefix(test, "go.is_type("+subject+", go.Of(") {
				// switch any(v) of a v of type T: a []int is not taken for a []byte
				test = "go.arg_is(" + param.Obj().Name() + ", " + strings.TrimPrefix(test, "go.is_type(")
			}
			conds = append(conds, test)
		}
		kw := "elif"
		if first {
			kw = "if"
		}
		first = false
		f.wl(f.line, "%s %s:", kw, strings.Join(conds, " or "))
		if bind != nil && f.concreteCase(cc) {
			// case *T: the pointer, nil where the interface holds (*T)(nil), the
			// program's value where a go.CustomContext holds it as a context
			f.indent++
			f.wl(f.line, "%s = go.concrete(%s)", subject, subject)
			f.indent--
		}
		value := subject // what the clause's variable is
		if obj := p.info.Implicits[cc]; obj != nil && len(cc.List) == 1 {
			// case Names: the plain list its go.NamedValue holds; case *Names: the pointer
			held := ""
			if f.p.isNamedValue(obj.Type()) {
				held = subject + ".v"
			} else if ptr, ok := obj.Type().(*types.Pointer); ok && (f.p.isNamedValue(ptr.Elem()) || f.p.namedBasic(ptr.Elem())) {
				held = subject + ".ref" // case *MaxLines of a go.BasicPointer too
			} else if isDuration(obj.Type()) {
				held = "int(" + subject + ")" // a time.Duration variable's plain int: int64(v) prints a number
			} else if _, isFunc := under(obj.Type()).(*types.Signature); isFunc {
				held = subject + ".fn" // the go.TypedFunc's function: nil where it holds a nil func
			} else if _, isMap := under(obj.Type()).(*types.Map); isMap && comparedWithNil(p, cc.Body, obj) {
				held = "go.held_map(" + subject + ")" // a nil map the interface kept the type of: go.NIL_MAP
			}
			if held != "" {
				value = f.clauseVar(obj, bind, held)
			}
		}
		if obj := p.info.Implicits[cc]; obj != nil && len(cc.List) == 1 && valueWrittenIn(p, &ast.BlockStmt{List: cc.Body}, obj) {
			// case [3]int: t[0]++ writes the clause's own copy, not the interface's value
			copied := ""
			if at, ok := under(obj.Type()).(*types.Array); ok {
				copied = f.m.copyArray(value, at, cc)
			} else if f.m.isStructValue(obj.Type()) {
				f.m.copyable(obj.Type(), cc)
				copied = "go.copy(" + value + ")"
			}
			if copied != "" {
				f.clauseVar(obj, bind, copied)
			}
		}
		f.caseBody(cc)
	}
	if deflt != nil {
		if first {
			f.caseStmts(deflt)
			return
		}
		f.wl(p.line(deflt), "else:")
		f.caseBody(deflt)
	}
}

// clauseVar gives a type switch clause's variable obj (named as bind) a Python
// variable of its own, set to value at the clause's start; it returns its name.
func (f *fn) clauseVar(obj types.Object, bind *ast.Ident, value string) string {
	name := f.alloc(nil, bind.Name)
	f.names[obj] = name
	f.indent++
	f.wl(f.line, "%s = %s", name, value)
	f.indent--
	return name
}

// refuseRefCases: a type switch with two cases of pointers to slice or array
// types, or to map types (case *[]byte: ... case *[4]byte:), is refused: each is a
// go.Ref whose target's type is not kept, so the first case would take both.
func refuseRefCases(p *program, s *ast.TypeSwitchStmt) {
	seen := map[string]bool{}
	for _, c := range s.Body.List {
		for _, e := range c.(*ast.CaseClause).List {
			ptr, ok := p.info.TypeOf(e).(*types.Pointer)
			if !ok {
				continue
			}
			kind := ""
			switch under(ptr.Elem()).(type) {
			case *types.Slice, *types.Array:
				kind = "a slice or an array"
			case *types.Map:
				kind = "a map"
			}
			if kind == "" || p.isNamedValue(ptr.Elem()) { // a *Names keeps its type
				continue
			}
			if seen[kind] {
				p.unsupported(e, "a type switch between two pointers to "+kind+" (simlab's pointer does not keep its target's type)",
					"one such case, or a struct type of the program around each")
			}
			seen[kind] = true
		}
	}
}

// convertedParam: the type parameter of v where x is any(v) (a conversion of a
// value of a type parameter's type to an interface), else nil.
func convertedParam(p *program, x ast.Expr) *types.TypeParam {
	c, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(c.Args) != 1 || !p.info.Types[c.Fun].IsType() || !types.IsInterface(p.info.TypeOf(c.Fun)) {
		return nil
	}
	param, _ := p.info.TypeOf(c.Args[0]).(*types.TypeParam)
	return param
}

// typeTest renders "x holds a value of the type e" for a type switch's case.
func (f *fn) typeTest(x string, e ast.Expr) string {
	tv := f.p.info.Types[e]
	if tv.IsNil() {
		return x + " is None"
	}
	return f.typeTestOf(x, tv.Type, e)
}

// typeTestOf renders "x holds a value of the type t" (e: where t is written).
func (f *fn) typeTestOf(x string, t types.Type, e ast.Node) string {
	p := f.p
	if _, isParam := t.(*types.TypeParam); !isParam { // case T: by its type argument
		if it, ok := t.Underlying().(*types.Interface); ok && it.Empty() {
			return x + " is not None"
		}
	}
	if it, ok := t.Underlying().(*types.Interface); ok && !isTypeParam(t) {
		if n, ok := t.(*types.Named); ok && p.ours(n.Obj().Pkg()) && n.TypeArgs().Len() > 0 {
			// case Getter[string]: the generic types' classes cannot tell the instances apart
			p.unsupported(e, "a type switch case of an instance of a generic interface ("+
				types.TypeString(t, types.RelativeTo(p.pkg))+")", "an interface the instances implement")
		}
		if n, ok := t.(*types.Named); ok && p.ours(n.Obj().Pkg()) {
			// the program's types that implement it (where none does, a library value may: below)
			var classes, pointers []string // the types, and those whose pointers only, implement it
			for tn := range f.m.types {
				switch {
				case types.Implements(tn.Type(), it):
					classes = append(classes, f.m.globals[tn])
				case types.Implements(types.NewPointer(tn.Type()), it):
					pointers = append(pointers, f.m.globals[tn])
				}
			}
			for tn := range f.m.basics {
				if types.Implements(tn.Type(), it) {
					classes = append(classes, f.m.globals[tn])
				}
			}
			for st, name := range f.m.anon { // struct{ Base }, whose Describe Base promotes
				if types.Implements(st, it) && !slices.Contains(classes, name) {
					classes = append(classes, name)
				}
			}
			sortStrings(classes)
			sortStrings(pointers)
			var tests []string
			switch len(classes) {
			case 0:
			case 1:
				tests = append(tests, "isinstance("+x+", "+classes[0]+")")
			default:
				tests = append(tests, "isinstance("+x+", ("+strings.Join(classes, ", ")+"))")
			}
			for _, cls := range pointers {
				tests = append(tests, "go.is_pointer("+x+", "+cls+")") // a value held lacks its pointer methods
			}
			switch len(tests) {
			case 0:
				// none of the program's: a library value's methods may (an Errorf error's Unwrap)
			case 1:
				return tests[0]
			default:
				return "(" + strings.Join(tests, " or ") + ")"
			}
		}
	}
	cls := f.assertedTypeOf(e, t)
	if _, ok := t.(*types.TypeParam); ok || f.p.isNamedValue(t) || strings.HasPrefix(cls, `"`) || strings.HasPrefix(cls, "go.Methods(") || strings.HasPrefix(cls, "go.Of(") || strings.HasPrefix(cls, "go.PointerTo(") ||
		strings.HasPrefix(cls, "go.FuncType(") {
		return "go.is_type(" + x + ", " + cls + ")"
	}
	// a struct value and a pointer to it are one class: go.as_value marks the value
	if f.m.isStructValue(t) {
		return "go.is_value(" + x + ", " + cls + ")"
	}
	if ptr, ok := t.(*types.Pointer); ok && f.m.isStructValue(ptr.Elem()) {
		return "go.is_pointer(" + x + ", " + cls + ")"
	}
	return "isinstance(" + x + ", " + cls + ")"
}

// valueWrittenIn: is a part of the struct or array variable v written in n (a
// field or an element assigned, its address taken, a pointer method called on it)?
func valueWrittenIn(p *program, n ast.Node, v types.Object) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		parts := writeTargets(m)
		whole := false // v itself counts (&v, v.Inc()), not only v.X and v[i]
		switch m := m.(type) {
		case *ast.UnaryExpr:
			whole = m.Op == token.AND
		case *ast.SelectorExpr:
			if s := p.info.Selections[m]; s != nil && s.Kind() == types.MethodVal && isPointer(s.Obj().Type().(*types.Signature).Recv().Type()) {
				parts, whole = []ast.Expr{m.X}, true // t.Inc() of a pointer method
			}
		}
		for _, e := range parts {
			if _, bare := ast.Unparen(e).(*ast.Ident); e != nil && (whole || !bare) && rootObj(p, ast.Unparen(e)) == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// writeTargets: what the node n writes: an assignment's left side (not a
// definition's, whose names are new), an increment's operand, a range's assigned
// key and value, the operand whose address &x takes.
func writeTargets(n ast.Node) []ast.Expr {
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			return n.Lhs
		}
	case *ast.IncDecStmt:
		return []ast.Expr{n.X}
	case *ast.RangeStmt:
		if n.Tok == token.ASSIGN {
			return []ast.Expr{n.Key, n.Value}
		}
	case *ast.UnaryExpr:
		if n.Op == token.AND {
			return []ast.Expr{n.X}
		}
	}
	return nil
}

// assignedIn: is v assigned anywhere in n?
func assignedIn(p *program, n ast.Node, v types.Object) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		for _, l := range writeTargets(m) {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && l != nil && p.info.ObjectOf(id) == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// caseBody writes a case's statements as an indented block.
func (f *fn) caseBody(clause ast.Stmt) { f.indented(func() { f.caseStmts(clause) }) }

// caseStmts writes a case's statements. A final break (leaving the switch) is
// dropped; a break before the end puts them in a loop of one iteration, which
// the break leaves as Go's leaves the switch or select.
func (f *fn) caseStmts(clause ast.Stmt) {
	body := trimBreak(clauseBody(clause))
	if !breakingCase(clause) {
		f.switches++
		f.stmts(body)
		f.switches--
		return
	}
	what := "switch"
	if _, ok := clause.(*ast.CommClause); ok {
		what = "select"
	}
	f.wl(f.p.line(clause), "for _ in range(1):  # the %s's case, which a break leaves", what)
	restore := f.pushLoop("", clause)
	f.block(body)
	restore()
}

// clauseBody: a switch or select case's statements.
func clauseBody(clause ast.Node) []ast.Stmt {
	switch c := clause.(type) {
	case *ast.CaseClause:
		return c.Body
	case *ast.CommClause:
		return c.Body
	}
	return nil
}

// breakingCase: a switch or select case with a break that leaves it before its end.
func breakingCase(clause ast.Node) bool {
	found := false
	for _, s := range trimBreak(clauseBody(clause)) {
		ast.Inspect(s, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				return false // a break in these leaves them
			case *ast.BranchStmt:
				found = found || (n.Tok == token.BREAK && n.Label == nil)
			}
			return !found
		})
	}
	return found
}

func trimBreak(body []ast.Stmt) []ast.Stmt {
	if n := len(body); n > 0 {
		if b, ok := body[n-1].(*ast.BranchStmt); ok && b.Tok == token.BREAK && b.Label == nil {
			return body[:n-1]
		}
	}
	return body
}

func (f *fn) selectStmt(s *ast.SelectStmt) {
	p := f.p
	var cases []string
	var clauses []*ast.CommClause
	var deflt *ast.CommClause
	for _, c := range s.Body.List {
		cc := c.(*ast.CommClause)
		if cc.Comm == nil {
			deflt = cc
			continue
		}
		clauses = append(clauses, cc)
		switch comm := cc.Comm.(type) {
		case *ast.SendStmt:
			cases = append(cases, fmt.Sprintf("%s.send_case(%s)", f.expr(comm.Chan), f.value(comm.Value)))
		case *ast.ExprStmt:
			cases = append(cases, f.recvCase(comm.X))
		case *ast.AssignStmt:
			cases = append(cases, f.recvCase(comm.Rhs[0]))
		}
	}
	if deflt != nil {
		cases = append(cases, "default=True")
	}
	f.flushPre()
	// what the cases receive into
	needV, needOK := false, false
	for _, cc := range clauses {
		if as, ok := cc.Comm.(*ast.AssignStmt); ok {
			needV = needV || !isBlank(as.Lhs[0])
			needOK = needOK || (len(as.Lhs) > 1 && !isBlank(as.Lhs[1]))
			elem := under(p.info.TypeOf(ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr).X)).(*types.Chan).Elem()
			if z, _ := f.m.zero(elem, as); !isBlank(as.Lhs[0]) && z != "None" && f.m.mayBeClosed(elem) {
				needOK = true
			}
		}
	}
	// a case with nothing to do and nothing to receive into needs no branch
	branches := 0
	for _, cc := range clauses {
		if !emptyClause(cc) {
			branches++
		}
	}
	defaultBody := deflt != nil && len(trimBreak(deflt.Body)) > 0
	i, v, ok := "_", "_", "_"
	if len(clauses)+btoi(deflt != nil) > 1 && (branches > 0 || defaultBody) {
		i = f.temp("i")
	}
	if needV {
		v = f.temp("v")
	}
	if needOK {
		ok = f.temp("ok")
	}
	sel := fmt.Sprintf("yield sl.select(%s)", strings.Join(cases, ", "))
	// select { case <-ch: return true; default: return false }: return i == 0
	if len(clauses) == 1 && deflt != nil && !needV && !needOK {
		a, aok := boolReturn(p, trimBreak(clauses[0].Body))
		b, bok := boolReturn(p, trimBreak(deflt.Body))
		if aok && bok && a != b {
			f.wl(p.line(clauses[0]), "%s, _, _ = %s", i, sel)
			op := "=="
			if !a {
				op = "!="
			}
			f.wl(p.line(clauses[0]), "return %s %s 0", i, op)
			return
		}
	}
	line := f.line
	if len(clauses) == 1 {
		// Go compiles a select of one case to its operation, at the case, and one case
		// with a default to the non-blocking operation, at the case too
		line = p.line(clauses[0])
	}
	if i == "_" && v == "_" && ok == "_" {
		f.wl(line, "%s", sel)
	} else {
		f.wl(line, "%s, %s, %s = %s", i, v, ok, sel)
	}
	n := 0
	emitted := 0
	for _, cc := range clauses {
		f.line = p.line(cc)
		body := trimBreak(cc.Body)
		if emptyClause(cc) && !(len(clauses) == 1 && deflt == nil) {
			continue
		}
		var assign []string
		if as, isAssign := cc.Comm.(*ast.AssignStmt); isAssign {
			elem := under(p.info.TypeOf(ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr).X)).(*types.Chan).Elem()
			var names []string
			stored := f.storedInPlace(as.Tok, as.Lhs[0]) // case *p = <-ch: the struct takes its fields
			for i, l := range as.Lhs {
				switch {
				case as.Tok == token.DEFINE:
					names = append(names, f.define(l.(*ast.Ident)))
				case i == 0 && stored != nil:
					names = append(names, f.expr(stored))
				default:
					names = append(names, f.lvalue(l))
				}
			}
			if names[0] != "_" {
				z, _ := f.m.zero(elem, as)
				got := v
				if z != "None" && f.m.mayBeClosed(elem) {
					got = fmt.Sprintf("%s if %s else %s", v, f.okName(&ok), z)
				}
				if stored != nil {
					assign = append(assign, fmt.Sprintf("go.store(%s, %s)", names[0], got))
				} else {
					assign = append(assign, fmt.Sprintf("%s = %s", names[0], got))
				}
			}
			if len(names) > 1 && names[1] != "_" {
				assign = append(assign, fmt.Sprintf("%s = %s", names[1], ok))
			}
		}
		if len(clauses) == 1 && deflt == nil {
			for _, a := range assign {
				f.wl(f.line, "%s", a)
			}
			f.caseStmts(cc)
			return
		}
		kw := "elif"
		if emitted == 0 {
			kw = "if"
		}
		emitted++
		f.wl(f.line, "%s %s == %d:", kw, i, caseIndex(clauses, cc))
		f.indent++
		for _, a := range assign {
			f.wl(f.line, "%s", a)
		}
		f.indent--
		if len(body) == 0 && len(assign) > 0 {
			n++
			continue
		}
		f.caseBody(cc)
		n++
	}
	if deflt != nil {
		body := trimBreak(deflt.Body)
		if len(clauses) == 0 {
			f.caseStmts(deflt)
			return
		}
		if len(body) > 0 {
			if emitted == 0 {
				f.wl(p.line(deflt), "if %s == -1:  # default", i)
			} else {
				f.wl(p.line(deflt), "else:")
			}
			f.caseBody(deflt)
		}
	}
}

// emptyClause: a select case with no statements that receives into nothing.
func emptyClause(cc *ast.CommClause) bool {
	if len(trimBreak(cc.Body)) > 0 {
		return false
	}
	if as, ok := cc.Comm.(*ast.AssignStmt); ok {
		for _, l := range as.Lhs {
			if !isBlank(l) {
				return false
			}
		}
	}
	return true
}

func caseIndex(clauses []*ast.CommClause, cc *ast.CommClause) int {
	for k, c := range clauses {
		if c == cc {
			return k
		}
	}
	return -1
}

// boolReturn: body is `return true` or `return false` (and which).
func boolReturn(p *program, body []ast.Stmt) (bool, bool) {
	if len(body) != 1 {
		return false, false
	}
	r, ok := body[0].(*ast.ReturnStmt)
	if !ok || len(r.Results) != 1 {
		return false, false
	}
	v := p.info.Types[r.Results[0]].Value
	if v == nil || v.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(v), true
}

func (f *fn) okName(ok *string) string {
	if *ok == "_" {
		f.p.unsupported(f.u.body, "internal: ok of a select", "")
	}
	return *ok
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// addressedVar: the variable or field an assignment's left side names (of an
// element of a slice or an array, the slice's or the array's), or nil.
func addressedVar(p *program, e ast.Expr) types.Object {
	if x, ok := ast.Unparen(e).(*ast.IndexExpr); ok {
		if _, isMap := under(p.info.TypeOf(x.X)).(*types.Map); !isMap {
			return addressedVar(p, x.X)
		}
		return nil
	}
	return ownerOf(p, e)
}

func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

func (f *fn) recvCase(e ast.Expr) string {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		f.p.unsupported(e, "this select case", "case v := <-ch, case v, ok := <-ch, case ch <- v")
	}
	return f.expr(u.X) + ".recv_case()"
}

// variadicSlice: the ...T parameter v of the function of body (a Python tuple, the
// *args of its def) is made a slice (go.variadic): where the body uses it as more
// than a tuple serves for, which is to be ranged over, measured or read an element
// of (readsOnly), or where a nil slice is told from an empty one (no arguments:
// nil, as Go's).
func (m *module) variadicSlice(body *ast.BlockStmt, v types.Object) bool {
	return body != nil && (m.nilSlices || !readsOnly(m.p, body, v, nil, 0))
}

// wholeSpread: a call f(s...) of a function of the program, or of a literal a
// variable holds, whose ...T parameter is a slice (variadicSlice) gives it s
// itself, go.spread(s), as Go's call does.
func (f *fn) wholeSpread(c *ast.CallExpr) bool {
	if !c.Ellipsis.IsValid() {
		return false
	}
	fun := ast.Unparen(c.Fun)
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X // F[int](s...)
	}
	u := f.calleeUnit(fun)
	if u == nil || !u.sig.Variadic() {
		return false
	}
	v := u.sig.Params().At(u.sig.Params().Len() - 1)
	return v.Name() != "" && v.Name() != "_" && f.m.variadicSlice(u.body, v)
}

// cell: the value of a variable that lives in a go.Ref (its address is taken);
// one of a type parameter's type may be a struct, its own pointer (go.deref).
func (f *fn) cell(obj types.Object) string {
	if _, generic := obj.Type().(*types.TypeParam); generic {
		return "go.deref(" + f.name(obj) + ").v"
	}
	return f.name(obj) + ".v"
}

// boxer: what makes the go.Ref a variable whose address is taken lives in; for
// one of a type parameter's type, a struct is its own pointer, and an interface
// type argument's variable a go.Ref (go.pointer_of(T)).
func boxer(obj types.Object) string {
	if tp, generic := obj.Type().(*types.TypeParam); generic {
		return "go.pointer_of(" + tp.Obj().Name() + ")"
	}
	return "go.Ref"
}

// comparedWithNil: a statement of body compares obj with nil (m == nil, m != nil).
func comparedWithNil(p *program, body []ast.Stmt, obj types.Object) bool {
	found := false
	for _, st := range body {
		ast.Inspect(st, func(n ast.Node) bool {
			if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.EQL || b.Op == token.NEQ) {
				for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
					id, isIdent := ast.Unparen(pair[0]).(*ast.Ident)
					if isIdent && p.info.Uses[id] == obj && isUntypedNil(p.info.TypeOf(pair[1])) {
						found = true
					}
				}
			}
			return !found
		})
	}
	return found
}

// isZero: e is the constant 0.
func isZero(p *program, e ast.Expr) bool {
	v := p.info.Types[e].Value
	return v != nil && v.Kind() == constant.Int && constant.Sign(v) == 0
}
