/// Builds an element tree from `XMLScanner` tokens, recovering from bad
/// nesting as a browser does: an end tag closes every element opened after its
/// match, and an end tag that matches nothing open is ignored.
enum XMLTree {
    /// Elements nested deeper than this are flattened into their ancestor at
    /// the limit (their text is kept), so hostile input cannot exhaust the stack
    /// of the recursive walks over the tree.
    static let maxDepth = 200

    /// The document's top-level nodes (normally one root element) and its processing instructions.
    ///
    /// - Parameter unnested: element names that never contain themselves
    ///   (`item`, `entry`): opening one while another is open closes the open
    ///   one first, so that a missing `</item>` does not swallow the next items.
    static func parse(_ bytes: [UInt8], unnested: Set<String> = []) -> [MarkupNode] {
        var scanner = XMLScanner(bytes)
        var stack: [MarkupElement] = [MarkupElement(name: "#document", attributes: [], offset: 0)]
        var overflow = 0

        func append(_ node: MarkupNode) {
            if case .text(let s) = node, let lastIndex = stack[stack.count - 1].children.indices.last,
                case .text(let previous) = stack[stack.count - 1].children[lastIndex]
            {
                stack[stack.count - 1].children[lastIndex] = .text(previous + s)
                return
            }
            stack[stack.count - 1].children.append(node)
        }

        func close(downTo index: Int) {
            while stack.count > index {
                let element = stack.removeLast()
                append(.element(element))
            }
        }

        while let (token, start, _) = scanner.next() {
            switch token {
            case .text(let s), .cdata(let s):
                append(.text(s))
            case .startTag(let name, let attributes, let selfClosing):
                let element = MarkupElement(name: name, attributes: attributes, offset: start)
                if overflow > 0 || stack.count > maxDepth {
                    if !selfClosing { overflow += 1 }
                    continue
                }
                if !selfClosing, unnested.contains(name.lowercased()),
                    let open = stack.lastIndex(where: { $0.name.lowercased() == name.lowercased() }), open > 0
                {
                    close(downTo: open)
                }
                if selfClosing {
                    append(.element(element))
                } else {
                    stack.append(element)
                }
            case .endTag(let name):
                if overflow > 0 {
                    overflow -= 1
                    continue
                }
                let lower = name.lowercased()
                if let open = stack.lastIndex(where: { $0.name.lowercased() == lower }), open > 0 {
                    close(downTo: open)
                }
            case .processingInstruction, .ignorable:
                continue
            }
        }
        close(downTo: 1)
        return stack[0].children
    }
}
