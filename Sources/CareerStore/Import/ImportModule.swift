// The import's files, rows, dates and messages (`RecordFile`, `ImportFailure`, `LevelCodes`, …) are
// part of the store's interface: whoever imports the store sees them.
@_exported import CareerImport
