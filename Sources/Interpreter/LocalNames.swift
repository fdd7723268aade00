/// A function's local variables are found once, when it is defined: each use
/// of a local name becomes `.local(name, slot)`, read and written by its place
/// in the call's frame instead of by looking the name up.
///
/// Nested functions, lambdas and comprehensions keep their own names: they
/// resolve their own locals, and reach this function's by name.
extension Statement {
    func resolving(_ slots: [String: Int]) -> Statement {
        func block(_ statements: [Statement]) -> [Statement] { statements.map { $0.resolving(slots) } }
        func expr(_ e: Expr) -> Expr { e.resolving(slots) }
        switch self {
        case .expression(let e): return .expression(expr(e))
        case .assign(let targets, let value, let span): return .assign(targets.map(expr), expr(value), span: span)
        case .augmented(let target, let op, let value, let span): return .augmented(expr(target), op, expr(value), span: span)
        case .loop(let targets, let sequence, let body, let span):
            return .loop(targets: targets.map(expr), sequence: expr(sequence), body: block(body), span: span)
        case .whileLoop(let condition, let body): return .whileLoop(condition: expr(condition), body: block(body))
        case .with(let context, let target, let body, let span):
            return .with(context: expr(context), target: target.map(expr), body: block(body), span: span)
        case .branches(let branches, let otherwise):
            return .branches(branches.map { (expr($0.condition), block($0.body)) }, otherwise: block(otherwise))
        case .assert(let condition, let message, let span):
            return .assert(expr(condition), message: message.map(expr), span: span)
        case .returnValue(let value): return .returnValue(value.map(expr))
        case .breakLoop, .continueLoop, .pass, .function, .classDefinition, .importModule: return self
        }
    }
}

extension Expr {
    func resolving(_ slots: [String: Int]) -> Expr {
        func expr(_ e: Expr) -> Expr { e.resolving(slots) }
        let resolved: Kind
        switch kind {
        case .name(let name):
            guard let slot = slots[name] else { return self }
            resolved = .local(name, slot: slot)
        case .list(let items): resolved = .list(items.map(expr))
        case .tuple(let items): resolved = .tuple(items.map(expr))
        case .unary(let op, let operand): resolved = .unary(op, expr(operand))
        case .binary(let op, let a, let b): resolved = .binary(op, expr(a), expr(b))
        case .logical(let op, let a, let b): resolved = .logical(op, expr(a), expr(b))
        case .call(let callee, let arguments):
            resolved = .call(expr(callee), arguments.map { Argument(label: $0.label, value: expr($0.value), span: $0.span) })
        case .attribute(let base, let name): resolved = .attribute(expr(base), name)
        case .index(let base, let subscripts):
            resolved = .index(expr(base), subscripts.map { entry in
                switch entry {
                case .expression(let e): return .expression(expr(e))
                case .slice(let a, let b, let c): return .slice(a.map(expr), b.map(expr), c.map(expr))
                }
            })
        case .conditional(let condition, let then, let otherwise):
            resolved = .conditional(condition: expr(condition), then: expr(then), otherwise: expr(otherwise))
        case .dict(let entries): resolved = .dict(entries.map { (expr($0.key), expr($0.value)) })
        case .formatted(let fields):
            resolved = .formatted(fields.map { field in
                guard case .value(let e, let conversion, let spec) = field else { return field }
                return .value(expr(e), conversion: conversion, spec: spec)
            })
        case .int, .float, .string, .bool, .none, .ellipsis, .local, .lambda, .comprehension:
            return self
        }
        return Expr(kind: resolved, span: span)
    }
}
