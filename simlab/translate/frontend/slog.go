package main

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
)

// log/slog: golib's go.slog (simlab/translate/golib/_slog.py) models its loggers, its
// text and JSON handlers and its default logger. An operand slog takes as a value
// (an ...any argument, slog.Any's) is handed over as fmt's are, a time.Duration as
// a go.Duration and a time.Time as a go.Time, so that the handler knows its kind.

// slogLevels: the level of each of slog's logging functions and methods.
var slogLevels = map[string]string{"Debug": "-4", "Info": "0", "Warn": "4", "Error": "8"}

// slogCall renders a call of one of log/slog's functions (name: log/slog.Info), or
// returns false for a function it does not model.
func (f *fn) slogCall(c *ast.CallExpr, name string) (string, bool) {
	fn := strings.TrimPrefix(name, "log/slog.")
	arg := func(i int) string { return f.value(c.Args[i]) }
	switch fn {
	case "New":
		f.slogHandler(c.Args[0])
		return "go.slog.Logger(rt, " + arg(0) + ")", true
	case "NewRecord":
		return "go.slog.new_record(" + f.args(c) + ")", true
	case "NewTextHandler", "NewJSONHandler":
		if fn == "NewJSONHandler" {
			return "go.slog.Handler(" + arg(0) + ", " + arg(1) + ", json=True)", true
		}
		return "go.slog.Handler(" + arg(0) + ", " + arg(1) + ")", true
	case "Default":
		return "go.slog.default(rt)", true
	case "SetDefault":
		return "go.slog.set_default(rt, " + arg(0) + ")", true
	case "String", "Int", "Int64", "Uint64", "Bool", "Float64", "Duration", "Time", "Any":
		return "go.slog.attr(" + arg(0) + ", " + f.slogOperand(c, c.Args[1]) + ")", true
	case "StringValue", "IntValue", "Int64Value", "Uint64Value", "BoolValue", "Float64Value",
		"DurationValue", "TimeValue", "AnyValue":
		return "go.slog.any_value(" + f.slogOperand(c, c.Args[0]) + ")", true
	case "Group":
		return "go.slog.group(" + arg(0) + f.slogArgs(c, 1) + ")", true
	case "GroupValue":
		return "go.slog.group_value(" + f.args(c) + ")", true
	}
	if out, ok := f.slogLog(c, fn, "go.slog.default(rt)"); ok {
		return out, true
	}
	return "", false
}

// slogLog renders a call of a Logger's logging methods, or of the package's
// functions that log with the default logger (recv).
// Where the library's I/O may block (analysis.pipes) the handler's output may be
// a pipe's, and a record is written by "yield from" the logger's blocking form.
func (f *fn) slogLog(c *ast.CallExpr, method, recv string) (string, bool) {
	arg := func(i int) string { return f.value(c.Args[i]) }
	log := func(form, operands string) string {
		if f.m.a.pipes {
			return "(yield from " + recv + ".blocking_" + form + "(" + operands + "))"
		}
		return recv + "." + form + "(" + operands + ")"
	}
	base, ctx := strings.CutSuffix(method, "Context")
	if level, ok := slogLevels[base]; ok {
		if ctx { // the context, then the message
			return log("log", level+", "+arg(1)+f.slogArgs(c, 2)+", ctx="+arg(0)), true
		}
		return log("log", level+", "+arg(0)+f.slogArgs(c, 1)), true
	}
	switch method {
	case "Log":
		return log("log", arg(1)+", "+arg(2)+f.slogArgs(c, 3)+", ctx="+arg(0)), true
	case "LogAttrs":
		return log("log_attrs", arg(1)+", "+arg(2)+f.slogArgs(c, 3)+", ctx="+arg(0)), true
	case "With":
		return recv + ".With(" + strings.TrimPrefix(f.slogArgs(c, 0), ", ") + ")", true
	}
	return "", false
}

// slogMethod renders a call of a method of one of log/slog's types (key:
// log/slog.Logger.Info), or returns false for one it does not model.
func (f *fn) slogMethod(c *ast.CallExpr, key, recv string) (string, bool) {
	typ, method, _ := strings.Cut(strings.TrimPrefix(key, "log/slog."), ".")
	switch typ {
	case "Logger":
		if out, ok := f.slogLog(c, method, recv); ok {
			return out, true
		}
		switch method {
		case "WithGroup", "Enabled", "Handler":
			return recv + "." + method + "(" + f.args(c) + ")", true
		}
	case "Handler", "TextHandler", "JSONHandler": // golib's handler or the program's, by Go's method names
		switch method {
		case "WithAttrs", "WithGroup":
			return recv + "." + method + "(" + f.args(c) + ")", true
		case "Enabled":
			if f.m.a.pipes { // the program's may lock
				return f.yieldExpr("yield from go.call(" + recv + ".Enabled, " + f.args(c) + ")")
			}
			return recv + ".Enabled(" + f.args(c) + ")", true
		case "Handle":
			if f.m.a.pipes {
				return f.yieldExpr("yield from go.slog.handle(rt, " + recv + ", " + f.args(c) + ")")
			}
			return recv + ".Handle(" + f.args(c) + ")", true
		}
	case "Record":
		switch method {
		case "NumAttrs", "Clone":
			return recv + "." + method + "()", true
		case "Attrs":
			each := f.calledAtOnce(c, c.Args[0], "a Record.Attrs whose function blocks", "a function that only reads the attribute")
			return recv + ".Attrs(" + each + ")", true
		case "AddAttrs":
			return recv + ".AddAttrs(" + f.args(c) + ")", true
		case "Add":
			return recv + ".Add(" + strings.TrimPrefix(f.slogArgs(c, 0), ", ") + ")", true
		}
	case "Kind":
		if method == "String" {
			return "go.slog.Kind(" + recv + ").String()", true
		}
	case "Leveler":
		if method == "Level" {
			return "go.slog.leveler_level(" + recv + ")", true // a Level, or a *LevelVar's
		}
	case "LevelVar":
		switch method {
		case "Set", "Level", "String":
			return recv + "." + method + "(" + f.args(c) + ")", true
		}
	case "Level":
		switch method {
		case "String", "Level", "MarshalJSON", "MarshalText":
			return "go.slog.Level(" + recv + ")." + method + "()", true
		case "UnmarshalJSON", "UnmarshalText":
			// l.UnmarshalText(b): (&l).UnmarshalText(b), which sets the variable
			sel := ast.Unparen(c.Fun).(*ast.SelectorExpr)
			ptr := f.expr(sel.X) // a *slog.Level: the go.Ref itself, not recv, its value
			if !isPointer(f.p.info.TypeOf(sel.X)) {
				ptr = f.ref(&ast.UnaryExpr{OpPos: sel.Pos(), Op: token.AND, X: sel.X}, ast.Unparen(sel.X))
			}
			return "go.BasicPointer(go.slog.Level, " + ptr + ")." + method + "(" + f.args(c) + ")", true
		}
	case "Value":
		switch method {
		case "String", "Any", "Kind", "Int64", "Uint64", "Float64", "Bool", "Duration", "Time", "Group",
			"Resolve", "Equal":
			return recv + "." + method + "(" + f.args(c) + ")", true
		}
	case "Attr":
		switch method {
		case "String", "Equal":
			return recv + "." + method + "(" + f.args(c) + ")", true
		}
	}
	return "", false
}

// slogArgs renders the operands of c from the index first on, each an attribute,
// a key or a value, as ", a, b, c" (or ", *xs" for xs...).
func (f *fn) slogArgs(c *ast.CallExpr, first int) string {
	var b strings.Builder
	for i := first; i < len(c.Args); i++ {
		b.WriteString(", ")
		if c.Ellipsis.IsValid() && i == len(c.Args)-1 {
			b.WriteString("*" + f.value(c.Args[i])) // args...: values held as any already
			continue
		}
		b.WriteString(f.slogOperand(c, c.Args[i]))
	}
	return b.String()
}

// slogOperand renders an operand slog takes as it is (an Attr, a Value), or as a
// value whose kind it reads (fmt's operand, a go.Duration, a go.Time).
func (f *fn) slogOperand(c *ast.CallExpr, a ast.Expr) string {
	p := f.p
	t := p.info.TypeOf(a)
	if isNamed(t, "log/slog", "Attr") || isNamed(t, "log/slog", "Value") {
		return f.value(a)
	}
	if f.m.blockingFmt(t) {
		p.unsupported(a, "a value given to log/slog whose String or Error method blocks", "a method that only formats")
	}
	for _, m := range []string{"MarshalText", "MarshalJSON", "LogValue"} {
		obj, _, _ := types.LookupFieldOrMethod(t, true, p.pkg, m)
		method, ok := obj.(*types.Func)
		if !ok || !p.ours(method.Pkg()) {
			continue
		}
		if m != "LogValue" {
			p.unsupported(a, "a value given to log/slog with a "+m+" method", "a String method, or a plain value")
		}
		if u := f.m.a.byFunc[method.Origin()]; u != nil && u.gen {
			p.unsupported(a, "a value given to log/slog whose LogValue method blocks", "a method that only builds the value")
		}
	}
	if tagged(t) {
		f.jsonType(a, t) // the JSON handler writes it by its class's go_json, with its tags
	}
	if isByteSlice(t) {
		return "go.Bytes(" + f.value(a) + ")" // its text, quoted; in JSON, base64
	}
	if isDuration(t) {
		return "go.Duration(" + f.value(a) + ")" // written 1.5s, or in nanoseconds in JSON
	}
	if b, ok := types.Unalias(t).(*types.Basic); ok && b.Info()&types.IsUnsigned != 0 {
		return "go.Uint64(" + f.value(a) + ")" // a uint of any size: Kind Uint64, as Go's AnyValue makes it
	}
	one := *c
	one.Args = []ast.Expr{a}
	one.Ellipsis = 0
	return f.fmtArgs(&one, false)
}

// tagged: t is, or points to, a struct with a field tag (encoding/json's names).
func tagged(t types.Type) bool {
	if ptr, ok := under(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := under(t).(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if _, ok := reflect.StructTag(st.Tag(i)).Lookup("json"); ok {
			return true
		}
	}
	return false
}

// slogOptions refuses the handler options simlab does not model: a source
// location (AddSource), a ReplaceAttr that blocks.
func (f *fn) slogOptions(lit *ast.CompositeLit) {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			f.p.unsupported(el, "slog.HandlerOptions without field names", "AddSource:, Level:, ReplaceAttr:")
		}
		switch kv.Key.(*ast.Ident).Name {
		case "AddSource":
			if v := f.p.info.Types[kv.Value].Value; v == nil || v.String() != "false" {
				f.p.unsupported(kv, "slog's AddSource (the Go file and line of each record)", "no source location")
			}
		case "ReplaceAttr":
			if f.mayBlock(kv.Value) {
				f.p.unsupported(kv, "a ReplaceAttr that blocks", "a function that only rewrites the attribute")
			}
		}
	}
}

// slogHandler checks what slog.New is given: golib's handler, or one of the
// program's whose WithAttrs and WithGroup only build a handler (a Logger's With
// calls them where it may not block; Enabled and Handle may).
func (f *fn) slogHandler(h ast.Expr) {
	var first *types.Func
	for fn, u := range f.m.a.byFunc {
		sig := fn.Type().(*types.Signature)
		if u.gen && sig.Recv() != nil && (fn.Name() == "WithAttrs" || fn.Name() == "WithGroup") &&
			sig.Results().Len() == 1 && isNamed(sig.Results().At(0).Type(), "log/slog", "Handler") &&
			(first == nil || fn.Pos() < first.Pos()) {
			first = fn
		}
	}
	if first != nil {
		f.p.unsupported(h, "a slog.Handler whose "+first.Name()+" method blocks", "a method that only builds the handler")
	}
}
