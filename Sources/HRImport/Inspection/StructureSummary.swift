import SkillsGraph

extension XMLStructure {
  /// A plain-text account of the structure: the root, the repeated elements with their counts,
  /// and the record's fields (and those of its repeated parts) with what their values look like
  /// and up to three samples.
  ///
  /// - Parameter draft: the draft made from this structure, whose guesses are marked.
  /// - Returns: the account, several lines, each ending in a newline.
  /// - Complexity: O(paths²) in the number of distinct paths, which is capped.
  public func summary(draft: MappingDraft? = nil) -> String {
    guard let root = paths.first else { return "\(path): no element\n" }
    var out = "\(path): root <\(root.localName)>"
    out += root.namespace.isEmpty ? " (no namespace)" : " in \(root.namespace)"
    out += ", \(grouped(elements)) elements and attributes, \(paths.count) distinct paths"
    if untrackedElements > 0 {
      out += " (\(grouped(untrackedElements)) more below the first \(Self.maximumPaths) paths)"
    }
    out += "\n"
    if !namespaces.isEmpty {
      out += "\nNamespaces, with the prefixes the draft uses:\n"
      for namespace in namespaces {
        out += "  \(prefixes[namespace] ?? "")  \(namespace)\n"
      }
    }
    let repeated = repeatedElements
    out += "\nRepeated elements:\n"
    if repeated.isEmpty { out += "  none\n" }
    for index in repeated.prefix(30) {
      let most = paths[index].maxPerParent
      out +=
        "  \(absolutePath(index))  \(grouped(paths[index].count))"
        + " (up to \(most) under one \(paths[paths[index].parent ?? 0].localName))\n"
    }
    if repeated.count > 30 { out += "  … and \(repeated.count - 30) more\n" }
    guard let record = draft.map({ _ in recordElement }) ?? recordElement else { return out }
    var marks: [String: String] = [:]
    if let draft {
      for guess in draft.person { marks[guess.xpath] = guess.attribute }
      for section in draft.sections {
        for guess in section.fields {
          marks[section.select + "/" + guess.xpath] = "\(section.element) \(guess.attribute)"
        }
      }
    }
    out += "\nRecords: \(absolutePath(record)), \(grouped(paths[record].count)) of them. Fields:\n"
    out += table(fields(of: record), from: record, prefix: "", marks: marks)
    var queue = groups(of: record)
    while let group = queue.first {
      queue.removeFirst()
      let select = relativePath(to: group, from: record)
      out +=
        "\n  Repeated inside each record: \(select), \(grouped(paths[group].count)) in all. "
        + "Fields:\n"
      out += table(fields(of: group), from: group, prefix: select + "/", marks: marks)
      queue += groups(of: group)
    }
    return out
  }

  private func table(
    _ fields: [Int], from ancestor: Int, prefix: String, marks: [String: String]
  ) -> String {
    guard !fields.isEmpty else { return "    none\n" }
    let names = fields.map { relativePath(to: $0, from: ancestor) }
    let width = min(names.map(\.count).max() ?? 0, 48)
    var out = ""
    for (index, name) in zip(fields, names) {
      let values = paths[index].values
      var line =
        "    " + name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0)
      line += "  \(grouped(values.present))/\(grouped(values.occurrences))  \(values.kind)"
      if !values.samples.isEmpty {
        line += ": " + values.samples.map { "'\($0)'" }.joined(separator: ", ")
      }
      let key = prefix.isEmpty ? name : prefix + (name == "." ? "." : name)
      if let mark = marks[key] ?? (prefix.isEmpty ? nil : marks[prefix + name]) {
        line += "  ← \(mark)"
      }
      out += line + "\n"
    }
    return out
  }

  private func grouped(_ number: Int) -> String {
    let digits = String(number)
    var out = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
      out.append(character)
    }
    return out
  }
}
