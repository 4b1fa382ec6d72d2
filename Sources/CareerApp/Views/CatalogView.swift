import CareerCatalog
import CareerEngine
import TerminalUI

/// Catalog: competency dictionaries with each level's indicators, the director frameworks (their
/// stages as the path to the post) and the development methods.
enum CatalogView {
    static func render(_ state: AppState, _ layout: Layout, _ grid: inout CellGrid) {
        let language = state.language
        let glyphs = state.glyphs
        let active = state.modal == nil
        let columns = layout.catalogColumns
        let listInner = drawPane(&grid, columns[0], title: Str.paneCatalogItems.text(language), focused: active && state.focusedPane == 0, glyphs: glyphs)
        let detailInner = drawPane(&grid, columns[1], title: Str.paneCatalogDetail.text(language), focused: active && state.focusedPane == 1, glyphs: glyphs)
        let browser = state.catalogBrowser
        let catalog = state.catalog
        drawRows(&grid, listInner, count: browser.entries.count, state: browser.list, focused: active && state.focusedPane == 0, glyphs: glyphs) { i, rect, grid in
            let (text, style) = label(browser.entries[i], catalog, language)
            put(&grid, text, rect, style: style, glyphs: glyphs)
        }
        drawLines(&grid, detailLines(state, width: detailInner.width), detailInner, offset: browser.detailOffset, glyphs: glyphs)
    }

    static func label(_ entry: CatalogEntry, _ catalog: Catalog, _ language: Language) -> (String, Style) {
        switch entry {
        case .section(let s): return (s.text(language), Style(fg: .title, bold: true))
        case .dictionary(let id): return (" " + (catalog.dictionaries.first { $0.id == id }?.name.text(language) ?? id), Style(fg: .accent, bold: true))
        case .competency(let id): return ("   " + (catalog.competenciesByID[id]?.name.text(language) ?? id), .normal)
        case .framework(let id): return (" " + (catalog.directorPostsByID[id]?.name.text(language) ?? id), .normal)
        case .method(let id): return (" " + (catalog.methodsByID[id]?.name.text(language) ?? id), .normal)
        case .course(let id): return (" " + (catalog.coursesByID[id]?.name.text(language) ?? id), .normal)
        case .unit(let id): return (" " + (catalog.unitsByID[id]?.name.text(language) ?? id), .normal)
        }
    }

    /// The selected entry's text, wrapped to `width`.
    static func detailLines(_ state: AppState, width: Int) -> [StyledLine] {
        let browser = state.catalogBrowser
        guard let s = browser.list.selected, s < browser.entries.count else { return [] }
        return wrap(paragraphs(browser.entries[s], state.catalog, state.language), width: width)
    }

    static func paragraphs(_ entry: CatalogEntry, _ catalog: Catalog, _ language: Language) -> [StyledLine] {
        let d = Describe(catalog: catalog, language: language)
        let heading = Style(fg: .title, bold: true)
        switch entry {
        case .section(let s):
            return [StyledLine(s.text(language), heading)]
        case .dictionary(let id):
            guard let dict = catalog.dictionaries.first(where: { $0.id == id }) else { return [] }
            var lines = [StyledLine(dict.name.text(language), heading), StyledLine(dict.description.text(language)), StyledLine("")]
            lines += dict.competencies.map { StyledLine(" • " + $0.name.text(language)) }
            for group in dict.groups {
                lines.append(StyledLine(group.name.text(language), Style(fg: .accent)))
                lines.append(StyledLine("   " + group.competencies.map(d.competencyName).joined(separator: ", ")))
            }
            return lines
        case .competency(let id):
            guard let c = catalog.competenciesByID[id] else { return [] }
            var lines = [StyledLine(c.name.text(language), heading),
                         StyledLine(Str.definition.text(language) + ": " + c.definition.text(language)), StyledLine("")]
            for level in c.levels {
                lines.append(StyledLine(Str.levelN.format(language, String(level.level)), Style(fg: .accent, bold: true)))
                lines += level.indicators.map { StyledLine("  • " + $0.text(language)) }
            }
            return lines
        case .framework(let id):
            guard let post = catalog.directorPostsByID[id] else { return [] }
            var lines = [StyledLine(post.name.text(language) + " (\(post.level))", heading)]
            lines.append(StyledLine(Str.eligibleLines.text(language), Style(fg: .accent)))
            lines += post.eligibility.map { StyledLine("  \(d.lineName($0.line)) \($0.levels.joined(separator: "/"))") }
            lines.append(StyledLine(Str.stages.text(language), Style(fg: .accent)))
            for stage in post.stages.sorted(by: { $0.order < $1.order }) {
                let place = stage.unit.map(d.unitName) ?? stage.field.map(d.fieldName) ?? ""
                lines.append(StyledLine("  " + Str.stageLine.format(language, String(stage.order), place, stage.level, String(stage.months))))
                if !stage.develops.text(language).isEmpty { lines.append(StyledLine("     " + stage.develops.text(language), .muted)) }
            }
            lines.append(StyledLine(Str.experienceRequired.text(language), Style(fg: .accent)))
            for requirement in post.experience {
                switch requirement {
                case .field(let f, let months): lines.append(StyledLine("  \(d.fieldName(f)): \(d.months(months))"))
                case .group(_, let name, let atLeast, let fields, let months):
                    lines.append(StyledLine("  \(name.text(language)): \(Str.groupOf.format(language, String(atLeast), fields.map(d.fieldName).joined(separator: ", "))) · \(d.months(months))"))
                }
            }
            if post.managementMonths > 0 { lines.append(StyledLine("  " + Str.managementMonths.format(language, String(post.managementMonths)))) }
            if post.regionalMonths > 0 { lines.append(StyledLine("  " + Str.regionalMonths.format(language, String(post.regionalMonths)))) }
            if post.requiresDiverseExperience { lines.append(StyledLine("  " + Str.diverseRequired.text(language))) }
            lines.append(StyledLine(Str.requiredCompetencies.text(language), Style(fg: .accent)))
            lines += post.competencies.map { StyledLine("  \(d.competencyName($0.competency)) \($0.level)") }
            if !post.courses.isEmpty {
                lines.append(StyledLine(Str.coursesRequired.text(language), Style(fg: .accent)))
                lines += post.courses.map { StyledLine("  " + d.courseName($0)) }
            }
            return lines
        case .method(let id):
            guard let m = catalog.methodsByID[id] else { return [] }
            return [StyledLine(m.name.text(language), heading), StyledLine(m.description.text(language)), StyledLine(""),
                    StyledLine(Str.typicalMonths.format(language, String(m.typicalMonths))),
                    StyledLine(Str.gapKinds.text(language) + ": " + m.gapKinds.compactMap { GapKind(rawValue: $0).map(d.kindTitle) ?? $0 }.joined(separator: ", "))]
        case .course(let id):
            guard let c = catalog.coursesByID[id] else { return [] }
            var lines = [StyledLine(c.name.text(language), heading), StyledLine(c.description.text(language)), StyledLine("")]
            if !c.provider.text(language).isEmpty { lines.append(StyledLine(Str.courseProvider.text(language) + ": " + c.provider.text(language))) }
            lines.append(StyledLine(Str.typicalMonths.format(language, String(c.durationMonths))))
            if !c.eligibleLevels.isEmpty { lines.append(StyledLine(Str.courseLevels.text(language) + ": " + c.eligibleLevels.joined(separator: ", "))) }
            if !c.prerequisites.isEmpty { lines.append(StyledLine(Str.coursePrerequisites.text(language) + ": " + c.prerequisites.map(d.courseName).joined(separator: ", "))) }
            if !c.competencies.isEmpty { lines.append(StyledLine(Str.courseDevelops.text(language) + ": " + c.competencies.map(d.competencyName).joined(separator: ", "))) }
            return lines
        case .unit(let id):
            guard let u = catalog.unitsByID[id] else { return [] }
            let other = u.name.otherText(language)
            var lines = [StyledLine(u.name.text(language), heading), StyledLine(other, .muted), StyledLine("")]
            if let parent = u.parent { lines.append(StyledLine(Str.unitParent.text(language) + ": " + d.unitName(parent))) }
            if !u.province.isEmpty { lines.append(StyledLine(Str.unitProvince.text(language) + ": " + u.province)) }
            if !u.workFields.isEmpty { lines.append(StyledLine(Str.unitFields.text(language) + ": " + u.workFields.map(d.fieldName).joined(separator: ", "))) }
            let within = catalog.units.filter { $0.parent == id }
            if !within.isEmpty {
                lines.append(StyledLine(Str.unitWithin.text(language), Style(fg: .accent)))
                lines += within.map { StyledLine("  " + $0.name.text(language)) }
            }
            return lines
        }
    }
}
