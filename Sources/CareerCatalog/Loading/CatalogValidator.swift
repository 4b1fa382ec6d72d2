/// The cross-reference pass: every id the data names must be defined, of the right kind and, for
/// levels, of the right position type. Runs after every file is decoded so that the order of files
/// does not matter.
struct CatalogValidator {
    let registry: IDRegistry
    let positionTypes: [PositionType]
    let jobLines: [JobLine]
    let units: [Unit]
    let standards: [PositionStandard]

    func run() {
        checkReferences()
        checkUnitParents()
    }

    private func checkReferences() {
        var levelType: [String: String] = [:]
        for type in positionTypes { for level in type.levels { levelType[level.id] = type.id } }
        var standardType: [String: String] = [:]
        for standard in standards { standardType[standard.id] = standard.type }
        var lineType: [String: String] = [:]
        for line in jobLines { lineType[line.id] = line.type }
        // Sorted once per kind so suggestions do not depend on hashing order.
        var sortedIDs: [IDKind: [String]] = [:]

        for reference in registry.references {
            let known = registry.definitions[reference.kind] ?? [:]
            guard known[reference.id] != nil else {
                if registry.incomplete.contains(reference.kind) { continue }
                if sortedIDs[reference.kind] == nil { sortedIDs[reference.kind] = known.keys.sorted() }
                let hint = NearestID.hint(for: reference.id, among: sortedIDs[reference.kind] ?? [])
                registry.diagnostics.error("unknown \(reference.kind.noun) `\(reference.id)`\(hint)", at: reference.location)
                continue
            }
            switch reference.rule {
            case .exists:
                break
            case .levelOfType(let type):
                guard let actual = levelType[reference.id], actual != type,
                      let expected = positionTypes.first(where: { $0.id == type }) else { continue }
                let levels = expected.levels.map(\.id).joined(separator: ", ")
                registry.diagnostics.error("level `\(reference.id)` is not a level of position type `\(type)` (\(levels))",
                                           at: reference.location)
            case .standardOfType(let type):
                guard let actual = standardType[reference.id], actual != type,
                      positionTypes.contains(where: { $0.id == type }) else { continue }
                registry.diagnostics.error("standard `\(reference.id)` is for position type `\(actual)`, not `\(type)`",
                                           at: reference.location)
            case .eligibleLevel(let line):
                guard let type = lineType[line], positionTypes.contains(where: { $0.id == type }),
                      let actual = levelType[reference.id],
                      actual != type, actual != "managerial" else { continue }
                registry.diagnostics.error("level `\(reference.id)` is neither a level of job line `\(line)` (type `\(type)`) nor a managerial level",
                                           at: reference.location)
            }
        }
    }

    /// A unit may not be its own ancestor: `Catalog.descendants(of:)` would never end.
    private func checkUnitParents() {
        var parent: [String: String] = [:]
        for unit in units { if let p = unit.parent { parent[unit.id] = p } }
        var reported: Set<String> = []
        for unit in units where !reported.contains(unit.id) {
            var chain = [unit.id]
            var current = unit.id
            while let next = parent[current], chain.count <= units.count {
                if next == unit.id {
                    reported.formUnion(chain)
                    let location = registry.definitions[.unit]?[unit.id] ?? SourceLocation(path: "units.yaml", line: 0, column: 0)
                    registry.diagnostics.error("unit `\(unit.id)` is its own ancestor (\((chain + [unit.id]).joined(separator: " → ")))",
                                               at: location)
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }
}
