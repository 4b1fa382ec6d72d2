import TerminalUI

/// The person picker's keys in its two states. On the list the keys mean what they mean on every
/// screen (q quits, ? helps, L switches language, digits open screens); `/` gives the filter
/// the keys, and then every printable key types into it until Esc (clear), ↓ or Tab (keep) hands
/// them back, or Enter opens the selected person. Function keys and Ctrl-C work in both.
extension AppState {
    /// The effects of `key` on the picker, or nil when the global keymap should take it.
    mutating func handlePicker(_ key: KeyEvent) -> [Effect]? {
        guard picker.filtering else {
            guard let action = AppKeymap.action(for: key, in: .picker, globalFallback: false) else { return nil }
            if action == .filterList {
                picker.filtering = true
                return []
            }
            return perform(action)
        }
        if let action = AppKeymap.action(for: key, in: .pickerFilter, globalFallback: false) {
            switch action {
            case .focusList:
                picker.filtering = false
                return []
            case .close:
                picker.filtering = false
                picker.filter.clear()
                picker.refilter(language: language)
                keepSelectionsVisible()
                return []
            case .activate:
                picker.filtering = false
                return perform(.activate)
            default:
                return perform(action)
            }
        }
        if case .char(let c) = key {
            picker.filter.insert(String(c))
            picker.refilter(language: language)
            picker.list.keepVisible(rows: layout.peopleRows, count: picker.visible.count)
            return []
        }
        // Left, right, Home, End and Delete edit the text; other keys keep their global meaning.
        if picker.filter.apply(key) {
            picker.refilter(language: language)
            return []
        }
        return nil
    }
}
