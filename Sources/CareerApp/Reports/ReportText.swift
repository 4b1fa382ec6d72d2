import CareerCatalog
import CareerEngine

/// The unit reports' text in Thai and English, a `TextTable` like `Str`: one case, one pair.
///
/// Usage: `ReportStr.usageTitle.text(.th)`; `ReportStr.fiscalYear.format(.en, "2569")`.
public enum ReportStr: String, CaseIterable, TextTable {
    case usageTitle, usageMemo, unitOf, fiscalYear, activitiesHeading, outcomesHeading, problemsHeading, other, specify
    case signed, signedDate, status, statusDraft, statusSubmitted, submittedAt
    case appendixHeading, appendixNote, figPeople, figOpenedOwn, figPlans, figStepsStarted, figStepsCompleted, figCourses
    case method, course, count, noneYet
    case rollupTitle, rollupDue, rollupSubmittedOnTime, rollupLate, rollupNotSubmitted, rollupTotals, unit, onTime, late, notSubmitted
    case needsTitle, needsTarget, needsNextLevel, needsMeasured, need, people, averageShortfall, coursesThatFit, methodsThatFit
    case needsChart, needsNone, kindCompetency, kindCourse
    case impactTitle, impactRule, participants, pairs, meanChange, shareImproved, overall, byUnit, tooFewPairs, impactNone, impactChart
    case curriculaTitle, curriculaWithin, certifiedOn, years, endsOn, due, lapsed, notRecorded, curriculaNone
    case fewerThanFive, asOf, generatedFrom, smallGroupNote
    case activity1, activity2, activity3, activity4, activity5, activity6, activity7, activity8, activity9, activity10
    case outcome1, outcome2, outcome3
    // The Reports screen
    case tuiTabUsage, tuiTabNeeds, tuiTabImpact, tuiTabCurricula, tuiTabRollup, tuiHint, tuiEditHint, tuiLoading
    case tuiSaved, tuiSaveFailed, tuiSubmitted, tuiSubmitFailed, tuiFrozen, tuiBadDate, tuiUnsaved
    // HR's choices on the Reports screen: the unit, the fiscal year, the due date
    case tuiHintChoices, tuiHintDue, tuiUnitTitle, tuiUnitFilter, tuiUnitHint, tuiUnitNone, tuiDueTitle, tuiDueLabel, tuiDueHint, tuiDueSet
    case tuiDueFailed, tuiSaveFirst, tuiDueHROnly
    // Why the Reports screen's work was not done (`ReportsProblem`)
    case problemUnavailable, problemDeniedUnit, problemDenied, problemHROnly, problemSubmitted, problemIncomplete
    case problemDueOutsideYear, fieldActivities, fieldSignerName, fieldSignerPosition, fieldSignedOn

    /// The form's wording of an activity (seed 003).
    public static func activity(_ a: UsageActivity) -> ReportStr {
        switch a {
        case .noticeBoardAnnouncement: .activity1
        case .circulateHandbook: .activity2
        case .unitJournal: .activity3
        case .internalCircular: .activity4
        case .discussionGroups: .activity5
        case .displayBoard: .activity6
        case .assignDisseminator: .activity7
        case .supportingChannels: .activity8
        case .competencyLearning: .activity9
        case .jobRotation: .activity10
        }
    }

    public static func tab(_ t: ReportsTab) -> ReportStr {
        switch t {
        case .usage: .tuiTabUsage
        case .needs: .tuiTabNeeds
        case .impact: .tuiTabImpact
        case .curricula: .tuiTabCurricula
        case .rollup: .tuiTabRollup
        }
    }

    /// The form's words for a field that is still empty.
    public static func field(_ f: UsageFormField) -> ReportStr {
        switch f {
        case .activities: .fieldActivities
        case .signerName: .fieldSignerName
        case .signerPosition: .fieldSignerPosition
        case .signedOn: .fieldSignedOn
        }
    }

    /// A problem of the Reports screen in `language`: units by name, dates as the language writes them.
    public static func explain(_ problem: ReportsProblem, catalog: Catalog, language: Language) -> String {
        let d = Describe(catalog: catalog, language: language)
        switch problem {
        case .unavailable: return problemUnavailable.text(language)
        case .denied(let unit?): return problemDeniedUnit.format(language, d.unitName(unit))
        case .denied(nil): return problemDenied.text(language)
        case .hrOnly: return problemHROnly.text(language)
        case .refused(.alreadySubmitted(let unit, let year)):
            return problemSubmitted.format(language, d.unitName(unit), String(year.buddhistEra))
        case .refused(.incomplete(let fields)):
            return problemIncomplete.format(language, fields.map { field($0).text(language) }.joined(separator: ", "))
        case .refused(.dueOutsideYear(let due, let year)):
            return problemDueOutsideYear.format(language, DateText.formatLong(due, language), String(year.buddhistEra),
                                                DateText.formatLong(year.start, language),
                                                DateText.formatLong(FiscalYear(year.buddhistEra + 1).end, language))
        case .store(let text): return text.text(language)
        }
    }

    public static func outcome(_ o: UsageOutcome) -> ReportStr {
        switch o {
        case .staffStudyAndPlan: .outcome1
        case .staffUnderstand: .outcome2
        case .unitHasGuidance: .outcome3
        }
    }

    /// (Thai, English).
    public var pair: (th: String, en: String) {
        switch self {
        case .usageTitle: ("แบบรายงานผลการใช้เครื่องมือในระบบความก้าวหน้าในสายอาชีพ (Career path)",
                           "Report on the use of the career-path (Career path) tools")
        case .usageMemo: ("ตามหนังสือ ที่ นร 0203.02/ว 884 ลงวันที่ 29 เมษายน 2553",
                          "As asked by memo นร 0203.02/ว 884 of 29 April 2010")
        case .unitOf: ("(ชื่อส่วนราชการ %1)", "(Unit: %1)")
        case .fiscalYear: ("ปีงบประมาณ พ.ศ. %1", "Fiscal year B.E. %1")
        case .activitiesHeading: ("กิจกรรมการดำเนินการ", "Activities")
        case .outcomesHeading: ("ผลลัพธ์ที่ได้จากการดำเนินการ", "Outcomes")
        case .problemsHeading: ("ปัญหา/ข้อเสนอแนะ", "Problems and suggestions")
        case .other: ("อื่น ๆ (ระบุ)", "Other (specify)")
        case .specify: ("ระบุ", "specify")
        case .signed: ("(ลงนาม)", "(Signed)")
        case .signedDate: ("วันที่", "Date")
        case .status: ("สถานะ", "Status")
        case .statusDraft: ("ร่าง (แก้ไขได้)", "Draft (editable)")
        case .statusSubmitted: ("ส่งแล้ว", "Submitted")
        case .submittedAt: ("ส่งเมื่อ %1", "Submitted on %1")
        case .appendixHeading: ("ภาคผนวก: ตัวเลขจากระบบ", "Appendix: figures from the records")
        case .appendixNote: ("นับจากฐานข้อมูลบุคลากร ช่วง %1 – %2 รวมหน่วยงานในสังกัด นับจำนวนคน ไม่แสดงรายบุคคล",
                             "Counted from the personnel database, %1 – %2, sub-units included; counts only, no one's record")
        case .figPeople: ("บุคลากรในหน่วยงาน (รวมหน่วยงานในสังกัด)", "People in the unit (sub-units included)")
        case .figOpenedOwn: ("ผู้ที่เปิดดูเส้นทาง/ช่องว่างของตนเอง (คน)", "People who opened their own paths or gaps")
        case .figPlans: ("แผนพัฒนารายบุคคล", "Development plans")
        case .figStepsStarted: ("ขั้นการพัฒนาที่เริ่มในปี ตามวิธีการ", "Development steps started in the year, by method")
        case .figStepsCompleted: ("ขั้นการพัฒนาที่เสร็จในปี ตามวิธีการ", "Development steps completed in the year, by method")
        case .figCourses: ("หลักสูตรที่ผ่านการอบรมในปี", "Courses completed in the year")
        case .method: ("วิธีการพัฒนา", "Method")
        case .course: ("หลักสูตร", "Course")
        case .count: ("จำนวน", "Count")
        case .noneYet: ("ยังไม่มี", "None yet")
        case .rollupTitle: ("สรุปการส่งแบบรายงานผลการใช้เครื่องมือ ทั้งกรม", "Department roll-up of the usage reports")
        case .rollupDue: ("กำหนดส่ง %1", "Due %1")
        case .rollupSubmittedOnTime: ("ส่งทันกำหนด %1 หน่วยงาน", "%1 units submitted on time")
        case .rollupLate: ("ส่งหลังกำหนด %1 หน่วยงาน", "%1 units submitted late")
        case .rollupNotSubmitted: ("ยังไม่ส่ง %1 หน่วยงาน", "%1 units not submitted")
        case .rollupTotals: ("รวมทั้งกรม", "Department totals")
        case .unit: ("หน่วยงาน", "Unit")
        case .onTime: ("ทันกำหนด", "On time")
        case .late: ("หลังกำหนด", "Late")
        case .notSubmitted: ("ยังไม่ส่ง", "Not submitted")
        case .needsTitle: ("ความต้องการการพัฒนาของหน่วยงาน", "Training needs of the unit")
        case .needsTarget: ("เป้าหมาย: %1", "Target: %1")
        case .needsNextLevel: ("ระดับถัดไปของแต่ละคน", "each person's next level")
        case .needsMeasured: ("วิเคราะห์ %1 จาก %2 คน (ผู้อยู่ระดับสูงสุดของสายงานไม่มีระดับถัดไป)",
                              "%1 of %2 people measured (the top of a line has no next level)")
        case .need: ("สิ่งที่ต้องพัฒนา", "Need")
        case .people: ("จำนวนคน", "People")
        case .averageShortfall: ("ขาดเฉลี่ย (ระดับ)", "Average shortfall (levels)")
        case .coursesThatFit: ("หลักสูตรที่เหมาะ", "Courses that fit")
        case .methodsThatFit: ("วิธีการพัฒนาที่เหมาะ", "Methods that fit")
        case .needsChart: ("จำนวนคนที่ต้องพัฒนา", "People in need")
        case .needsNone: ("ไม่พบช่องว่างด้านสมรรถนะหรือหลักสูตร", "No competency or course gaps")
        case .kindCompetency: ("สมรรถนะ", "Competency")
        case .kindCourse: ("หลักสูตร", "Course")
        case .impactTitle: ("ผลของการฝึกอบรม", "Training impact")
        case .impactRule: ("เทียบระดับสมรรถนะที่หลักสูตรพัฒนา: ผลประเมินล่าสุดก่อนจบหลักสูตร กับผลแรกหลังจบอย่างน้อย %1 เดือน (ผู้บังคับบัญชาหรือคณะกรรมการประเมิน)",
                           "Levels of the competencies a course develops: the latest assessment before completion against the first at least %1 months after (supervisor or panel)")
        case .participants: ("ผู้ผ่านการอบรม", "Participants")
        case .pairs: ("คู่เปรียบเทียบ", "Pairs")
        case .meanChange: ("เปลี่ยนเฉลี่ย (ระดับ)", "Mean change (levels)")
        case .shareImproved: ("สัดส่วนที่ดีขึ้น", "Share improved")
        case .overall: ("ภาพรวม", "Overall")
        case .byUnit: ("รายหน่วยงาน", "By unit")
        case .tooFewPairs: ("คู่เปรียบเทียบน้อยเกินไป", "too few pairs")
        case .impactNone: ("ยังไม่มีผู้ผ่านหลักสูตรในหน่วยงาน", "No one in the unit has completed a course")
        case .impactChart: ("เปลี่ยนเฉลี่ยตามหลักสูตร", "Mean change by course")
        case .curriculaTitle: ("หลักสูตรที่ต้องขอรับรองใหม่", "Curricula due for re-approval")
        case .curriculaWithin: ("ครบกำหนดภายใน %1 เดือน (ถึง %2)", "Due within %1 months (by %2)")
        case .certifiedOn: ("รับรองเมื่อ", "Certified on")
        case .years: ("อายุการรับรอง (ปี)", "Certified for (years)")
        case .endsOn: ("ครบกำหนด", "Approval ends")
        case .due: ("ต้องขอรับรองใหม่", "Due")
        case .lapsed: ("หมดอายุแล้ว", "Lapsed")
        case .notRecorded: ("ไม่มีข้อมูลวันที่รับรอง", "certification date not recorded")
        case .curriculaNone: ("ไม่มีหลักสูตรที่มีอายุการรับรอง", "No curriculum with a certification period")
        case .fewerThanFive: ("น้อยกว่า 5", "fewer than 5")
        case .asOf: ("ณ วันที่ %1", "As of %1")
        case .generatedFrom: ("จัดทำโดย CareerPath", "Made with CareerPath")
        case .smallGroupNote: ("กลุ่มที่มีน้อยกว่า 5 คนแสดงเป็น \"น้อยกว่า 5\" และไม่แสดงค่าเฉลี่ย",
                               "A group of fewer than 5 people is shown as \"fewer than 5\", without averages")
        case .activity1: ("ติดประกาศให้บุคลากรภายในหน่วยงานทราบและแจ้งแหล่งเก็บข้อมูลเพิ่มเพื่อการสืบค้นศึกษารายละเอียดเพิ่มเติม",
                          "Posted a notice for the unit's staff and said where to find the material for further study")
        case .activity2: ("แจ้งเวียนแฟ้มคู่มือหรือซีดีให้บุคลากรรับทราบทั่วกัน", "Circulated the handbook binder or CD to all staff")
        case .activity3: ("เผยแพร่ประชาสัมพันธ์ทางวารสารของหน่วยงาน", "Publicised it in the unit's journal")
        case .activity4: ("เผยแพร่ประชาสัมพันธ์ทางจดหมายเวียนภายในหน่วยงาน", "Publicised it by internal circular")
        case .activity5: ("จัดกิจกรรมกลุ่มสนทนาศึกษาแลกเปลี่ยนเรียนรู้", "Held discussion groups to study and share")
        case .activity6: ("จัดบอร์ดประชาสัมพันธ์", "Put up a display board")
        case .activity7: ("มอบหมายให้มีผู้รับผิดชอบในการขยายผลการเผยแพร่ประชาสัมพันธ์", "Assigned someone to spread the word further")
        case .activity8: ("จัดกิจกรรมรองรับการสื่อสารประชาสัมพันธ์ เช่น ทางเว็บไซต์ของหน่วยงาน, การประชุม, ฝึกอบรม ฯลฯ",
                          "Ran supporting activities such as the unit's website, meetings, training, etc.")
        case .activity9: ("สนับสนุนการเรียนรู้และพัฒนาสมรรถนะการประชาสัมพันธ์มืออาชีพและสมรรถนะสภาวะผู้นำ",
                          "Supported learning and development of the professional PR and leadership competencies")
        case .activity10: ("ส่งเสริมการปรับเปลี่ยนหมุนเวียนงาน เพื่อส่งเสริมความรู้และพัฒนางานที่หลากหลาย",
                           "Encouraged job rotation for broader knowledge and varied work")
        case .tuiTabUsage: ("แบบรายงานผล", "Usage report")
        case .tuiTabNeeds: ("ความต้องการพัฒนา", "Training needs")
        case .tuiTabImpact: ("ผลการอบรม", "Training impact")
        case .tuiTabCurricula: ("หลักสูตรครบรับรอง", "Curricula due")
        case .tuiTabRollup: ("สรุปทั้งกรม", "Roll-up")
        case .tuiHint: ("↑↓ เลือก · Space/Enter ทำเครื่องหมายหรือแก้ไข · s บันทึก · S ส่ง · ] [ เปลี่ยนรายงาน",
                        "↑↓ move · Space/Enter tick or edit · s save · S submit · ] [ next/previous report")
        case .tuiEditHint: ("พิมพ์ข้อความ · Enter ตกลง · Esc ยกเลิก", "Type · Enter keeps · Esc drops")
        case .tuiLoading: ("กำลังอ่านรายงาน…", "Reading the report…")
        case .tuiSaved: ("บันทึกแบบรายงานแล้ว (ร่าง)", "Usage report saved (draft)")
        case .tuiSaveFailed: ("บันทึกไม่ได้: %1", "Not saved: %1")
        case .tuiSubmitted: ("ส่งแบบรายงานแล้ว", "Usage report submitted")
        case .tuiSubmitFailed: ("ส่งไม่ได้: %1", "Not submitted: %1")
        case .tuiFrozen: ("แบบรายงานส่งแล้ว แก้ไขไม่ได้", "The report was submitted and cannot change")
        case .tuiBadDate: ("วันที่ `%1` ไม่ถูกต้อง: พิมพ์ DD/MM/YYYY (พ.ศ.) หรือ YYYY-MM-DD", "`%1` is not a date: type DD/MM/YYYY (B.E.) or YYYY-MM-DD")
        case .tuiUnsaved: ("ยังไม่ได้บันทึก", "unsaved")
        case .tuiHintChoices: ("u หน่วยงาน · < > ปีงบประมาณ", "u unit · < > fiscal year")
        case .tuiHintDue: ("D กำหนดส่ง", "D due date")
        case .tuiUnitTitle: ("เลือกหน่วยงาน", "Choose the unit")
        case .tuiUnitFilter: ("ชื่อ:", "Name:")
        case .tuiUnitHint: ("พิมพ์ชื่อเพื่อกรอง · ↑↓ เลือก · Enter ตกลง · Esc ยกเลิก", "Type part of the name · ↑↓ choose · Enter opens · Esc cancels")
        case .tuiUnitNone: ("ไม่มีหน่วยงานที่ชื่อมีคำนี้", "No unit's name has this in it")
        case .tuiDueTitle: ("กำหนดส่งแบบรายงานผล ปีงบประมาณ พ.ศ. %1", "Usage reports due, fiscal year B.E. %1")
        case .tuiDueLabel: ("กำหนดส่ง:", "Due on:")
        case .tuiDueHint: ("วว/ดด/ปปปป (พ.ศ.) หรือ YYYY-MM-DD · Enter บันทึก · Esc ยกเลิก", "YYYY-MM-DD or DD/MM/YYYY (B.E.) · Enter sets · Esc cancels")
        case .tuiDueSet: ("กำหนดส่งแบบรายงานผล ปีงบประมาณ %1: %2", "Usage reports of fiscal year %1 are due %2")
        case .tuiDueFailed: ("ตั้งกำหนดส่งไม่ได้: %1", "Due date not set: %1")
        case .tuiSaveFirst: ("บันทึกแบบรายงาน (s) ก่อนเปลี่ยนหน่วยงานหรือปี", "Save the form (s) before changing the unit or the year")
        case .tuiDueHROnly: ("กำหนดส่งแบบรายงานตั้งได้โดยผู้มีบทบาท hr เท่านั้น", "Only the hr role sets the day the reports are due")
        case .problemUnavailable: ("ไม่มีรายงานหน่วยงานที่นี่ (ไม่ได้อ่านข้อมูลอ้างอิง)", "Unit reports are not offered here (no reference data was read)")
        case .problemDeniedUnit: ("ไม่มีสิทธิ์ดูรายงานของ %1: หัวหน้าหน่วยงานดูได้เฉพาะหน่วยงานของตนและหน่วยงานในสังกัด",
                                  "No access to the reports of %1: a unit head sees their own unit and its sub-units")
        case .problemDenied: ("ไม่มีสิทธิ์: รายงานหน่วยงานสำหรับหัวหน้าหน่วยงานและผู้มีบทบาท hr", "No access: unit reports are for unit heads and the hr role")
        case .problemHROnly: ("ไม่มีสิทธิ์: สรุปทั้งกรมและกำหนดส่งสำหรับผู้มีบทบาท hr เท่านั้น", "No access: the department roll-up and the due date are for the hr role")
        case .problemSubmitted: ("แบบรายงานของ %1 ปีงบประมาณ %2 ส่งแล้ว แก้ไขไม่ได้", "The usage report of %1 for fiscal year %2 was submitted and cannot change")
        case .problemIncomplete: ("ยังส่งไม่ได้: ต้องกรอก %1", "Cannot submit yet: fill in %1")
        case .problemDueOutsideYear: ("%1 เป็นกำหนดส่งของปีงบประมาณ %2 ไม่ได้: ต้องอยู่ระหว่าง %3 ถึง %4",
                                      "%1 cannot be the due date of fiscal year %2: it must fall between %3 and %4")
        case .fieldActivities: ("กิจกรรมอย่างน้อยหนึ่งข้อ", "at least one activity")
        case .fieldSignerName: ("ชื่อผู้ลงนาม", "the signer's name")
        case .fieldSignerPosition: ("ตำแหน่งผู้ลงนาม", "the signer's position")
        case .fieldSignedOn: ("วันที่ลงนาม", "the date signed")
        case .outcome1: ("บุคลากรภายในหน่วยงานทราบและสนใจศึกษารายละเอียดเพิ่มเติมเพื่อวางแผนเส้นทางสู่ตำแหน่งเป้าหมายในอนาคต",
                         "Staff know of it and are studying it to plan their path to a future target post")
        case .outcome2: ("บุคลากรรับทราบทั่วกันและมีความรู้ความเข้าใจเพิ่มมากขึ้น", "All staff know of it and understand it better")
        case .outcome3: ("หน่วยงานมีข้อมูล/คู่มือ/แบบแผนรองรับการเตรียมความพร้อมของบุคลากรไปสู่เส้นทางก้าวหน้า",
                         "The unit has information, handbooks and plans to prepare staff for their career paths")
        }
    }
}
