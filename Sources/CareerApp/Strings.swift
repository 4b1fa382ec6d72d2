import CareerCatalog

/// Every piece of interface text in Thai and English, in one table (names of lines, posts,
/// competencies, units … come from the catalog's `LocalizedText`, not from here).
///
/// Usage: `Str.paths.text(.th)` → "เส้นทาง"; `Str.monthsOf.format(.en, "12", "48")` → "12 of 48 months".
public enum Str: String, CaseIterable, Sendable {
    // Screens and panes
    case appTitle, screenPeople, screenMe, screenPaths, screenGaps, screenPlan, screenCatalog, screenHelp
    case screenSupervisor
    case paneProfile, paneTimeline, paneLines, paneLadder, paneTargets, paneGapList, paneGapDetail
    case paneSuggestions, panePlanSummary, paneCatalogItems, paneCatalogDetail
    // Function-key bar (short)
    case fkHelp, fkLang, fkSearch, fkPeople, fkMe, fkPaths, fkGaps, fkPlan, fkCatalog, fkQuit
    // Messages
    case tooSmall, noPerson, loadingPeople, loadingPerson, noPeople, filterLabel, filterHint
    case searchTitle, searchLabel, searchHint, searchNoResults, helpTitle, messageTitle, helpContextGlobal
    case loadFailed, planSaved, planSaveFailed, planExported, planExportFailed, noTarget, chooseTargetHint
    case pressEnterForGaps, statusReady, languageSwitched
    // Me
    case name, personID, jobLine, level, unit, inLevelSince, serviceSince, education, supervisor, none
    case yearsMonths, timelineEmpty, legendRegular, legendActing, legendTaskForce
    // Paths
    case colTarget, colRoute, colGaps, colEligible, routePromotion, routeLateral, routeDirector, routeDirectorOnPromotion
    case eligibleNow, notByTime, notInReach, myLine, duty, requiredCompetencies, promotionRule, ruleAlternative, noTargets
    // Gaps
    case kindEducation, kindTimeInLevel, kindExperience, kindCompetency, kindTraining, kindEligibility
    case eligibleAlready, ifNothingChanges, withSuggestedPlan, closesBy, notClosedByTime, methodsThatFit, whereToDoIt
    case required, actual, neverAssessed, educationGap, timeInLevelGap, monthsOf, groupOf, managementExperience
    case regionalExperience, diverseExperience, diverseHave, diverseMissing, courseNotDone, courseExpired
    case eligibilityGap, openTo, youAre, noGaps, pickHint
    // Differences of 3 ต่าง
    case diffJobLine, diffUnit, diffLocation, diffWorkField
    // Suggestions and plan
    case months, placeActing, placeCoach, placeLateral, picked, planTarget, planStart, projectedEligible
    case planSteps, planEmpty, planHint, planHintNoExport, planGapsCount, stepFrom, stepTo, planSavedAt, mdTitle, mdPerson, mdGaps
    case mdSteps, mdMethod, mdWhere, mdCloses, mdNo
    // Catalog
    case sectionDictionaries, sectionFrameworks, sectionMethods, definition, levelN, eligibleLines, stages
    case stageLine, experienceRequired, managementMonths, regionalMonths, diverseRequired, coursesRequired
    case typicalMonths, gapKinds, searchKindLine, searchKindPost, searchKindCompetency
    case checkMark, yes, no

    /// The text in a language.
    public func text(_ language: Language) -> String {
        let pair = Str.table[self] ?? ("", "")
        return language == .th ? pair.0 : pair.1
    }

    /// The text with `%1`, `%2` … replaced by `arguments` in order.
    public func format(_ language: Language, _ arguments: String...) -> String {
        text(language).fillingPlaceholders(arguments)
    }

    /// (Thai, English).
    static let table: [Str: (String, String)] = [
        .appTitle: ("CareerPath เส้นทางความก้าวหน้า", "CareerPath"),
        .screenPeople: ("บุคลากร", "People"),
        .screenMe: ("ข้อมูลของฉัน", "Me"),
        .screenPaths: ("เส้นทาง", "Paths"),
        .screenGaps: ("ช่องว่าง", "Gaps"),
        .screenPlan: ("แผนพัฒนา", "Plan"),
        .screenCatalog: ("คู่มือ", "Catalog"),
        .screenSupervisor: ("ผู้ใต้บังคับบัญชา", "Team"),
        .screenHelp: ("วิธีใช้", "Help"),
        .paneProfile: ("ประวัติ", "Profile"),
        .paneTimeline: ("ลำดับการปฏิบัติงานตามด้าน", "Assignments by work field"),
        .paneLines: ("สายงาน", "Job lines"),
        .paneLadder: ("ระดับในสายงาน", "Ladder"),
        .paneTargets: ("เป้าหมายถัดไป", "Reachable next"),
        .paneGapList: ("ช่องว่าง", "Gaps"),
        .paneGapDetail: ("รายละเอียด", "Detail"),
        .paneSuggestions: ("ข้อเสนอการพัฒนา", "Suggestions"),
        .panePlanSummary: ("แผนของฉัน", "My plan"),
        .paneCatalogItems: ("หัวข้อ", "Entries"),
        .paneCatalogDetail: ("รายละเอียด", "Detail"),
        .fkHelp: ("วิธีใช้", "Help"),
        .fkLang: ("ภาษา", "Lang"),
        .fkSearch: ("ค้นหา", "Search"),
        .fkPeople: ("บุคคล", "People"),
        .fkMe: ("ฉัน", "Me"),
        .fkPaths: ("เส้นทาง", "Paths"),
        .fkGaps: ("ช่องว่าง", "Gaps"),
        .fkPlan: ("แผน", "Plan"),
        .fkCatalog: ("คู่มือ", "Catalog"),
        .fkQuit: ("ออก", "Quit"),
        .tooSmall: ("หน้าจอเล็กเกินไป (ต้องการ 80×24 มี %1×%2)", "terminal too small (need 80×24, have %1×%2)"),
        .noPerson: ("ยังไม่ได้เลือกบุคคล: กด 4 หรือ p เพื่อเลือก", "No person chosen: press 4 or p to pick one"),
        .loadingPeople: ("กำลังโหลดรายชื่อ…", "Loading people…"),
        .loadingPerson: ("กำลังโหลดข้อมูล %1…", "Loading %1…"),
        .noPeople: ("ไม่พบรายชื่อ", "Nobody matches"),
        .filterLabel: ("กรอง:", "Filter:"),
        .filterHint: ("พิมพ์ชื่อหรือรหัสเพื่อกรอง  Enter เลือก", "Type a name or id to filter  Enter opens"),
        .searchTitle: ("ค้นหา", "Search"),
        .searchLabel: ("คำค้น:", "Find:"),
        .searchHint: ("สายงาน ตำแหน่งผู้อำนวยการ สมรรถนะ (ไทยหรืออังกฤษ)", "Job lines, director posts, competencies (Thai or English)"),
        .searchNoResults: ("ไม่พบผลลัพธ์", "No results"),
        .helpTitle: ("วิธีใช้: ปุ่มลัด", "Help: keys"),
        .messageTitle: ("ข้อความ", "Message"),
        .helpContextGlobal: ("ทุกหน้าจอ", "Everywhere"),
        .loadFailed: ("โหลดข้อมูลไม่สำเร็จ: %1", "Could not load: %1"),
        .planSaved: ("บันทึกแผนพัฒนาแล้ว", "Plan saved"),
        .planSaveFailed: ("บันทึกแผนไม่สำเร็จ: %1", "Could not save the plan: %1"),
        .planExported: ("ส่งออกแผนไปที่ %1", "Plan exported to %1"),
        .planExportFailed: ("ส่งออกแผนไม่สำเร็จ: %1", "Could not export the plan: %1"),
        .noTarget: ("ยังไม่ได้เลือกเป้าหมาย", "No target chosen"),
        .chooseTargetHint: ("เลือกเป้าหมายในหน้าเส้นทาง (6 หรือ t) แล้วกด Enter", "Choose a target on Paths (6 or t) and press Enter"),
        .pressEnterForGaps: ("Enter: ดูช่องว่างของเป้าหมายนี้", "Enter: see the gaps for this target"),
        .statusReady: ("พร้อม", "Ready"),
        .languageSwitched: ("ภาษาไทย", "English"),
        .name: ("ชื่อ", "Name"),
        .personID: ("รหัส", "ID"),
        .jobLine: ("สายงาน", "Job line"),
        .level: ("ระดับ", "Level"),
        .unit: ("หน่วยงาน", "Unit"),
        .inLevelSince: ("ดำรงระดับตั้งแต่", "In level since"),
        .serviceSince: ("เริ่มรับราชการ", "In service since"),
        .education: ("วุฒิการศึกษา", "Education"),
        .supervisor: ("ผู้บังคับบัญชา", "Supervisor"),
        .none: ("-", "-"),
        .yearsMonths: ("%1 ปี %2 เดือน", "%1 y %2 m"),
        .timelineEmpty: ("ไม่มีประวัติการปฏิบัติงาน", "No assignments recorded"),
        .legendRegular: ("ปฏิบัติงาน", "regular"),
        .legendActing: ("รักษาการ", "acting"),
        .legendTaskForce: ("คณะทำงาน", "task force"),
        .colTarget: ("เป้าหมาย", "Target"),
        .colRoute: ("ประเภท", "Route"),
        .colGaps: ("ช่องว่าง", "Gaps"),
        .colEligible: ("มีสิทธิ์เร็วสุด", "Earliest"),
        .routePromotion: ("เลื่อนระดับ", "promotion"),
        .routeLateral: ("ย้ายสายงาน", "lateral"),
        .routeDirector: ("ผู้อำนวยการ", "director"),
        .routeDirectorOnPromotion: ("ผอ.หลังเลื่อน", "director*"),
        .eligibleNow: ("มีสิทธิ์แล้ว", "now"),
        .notByTime: ("-", "-"),
        .notInReach: ("ยังไม่มีกำหนด", "not yet in reach"),
        .myLine: ("สายงานของฉัน", "my line"),
        .duty: ("หน้าที่", "Duty"),
        .requiredCompetencies: ("สมรรถนะที่ต้องการ", "Required competencies"),
        .promotionRule: ("คุณสมบัติการเลื่อนระดับ", "Promotion rule"),
        .ruleAlternative: ("ดำรงตำแหน่ง %1 ไม่น้อยกว่า %2 เดือน", "%2 months in %1"),
        .noTargets: ("ไม่มีเป้าหมายถัดไปจากระดับนี้", "No target reachable next from this level"),
        .kindEducation: ("วุฒิการศึกษา", "Education"),
        .kindTimeInLevel: ("ระยะเวลาในระดับ", "Time in level"),
        .kindExperience: ("ประสบการณ์", "Experience"),
        .kindCompetency: ("สมรรถนะ", "Competencies"),
        .kindTraining: ("การฝึกอบรม", "Training"),
        .kindEligibility: ("คุณสมบัติผู้สมัคร", "Eligibility"),
        .eligibleAlready: ("มีคุณสมบัติครบแล้ว", "Eligible now"),
        .ifNothingChanges: ("ถ้าไม่เปลี่ยนแปลง", "If nothing changes"),
        .withSuggestedPlan: ("ตามแผนที่แนะนำ", "With the suggested plan"),
        .closesBy: ("ครบเองเมื่อ %1", "closes by itself on %1"),
        .notClosedByTime: ("ไม่ครบได้ด้วยเวลาอย่างเดียว", "time alone will not close it"),
        .methodsThatFit: ("วิธีการพัฒนาที่เหมาะ", "Methods that fit"),
        .whereToDoIt: ("ที่ไหน (Space เลือกเข้าแผน)", "Where (Space adds to the plan)"),
        .required: ("ต้องการ", "required"),
        .actual: ("มี", "have"),
        .neverAssessed: ("ยังไม่เคยประเมิน", "never assessed"),
        .educationGap: ("ต้องการ %1 มี %2", "needs %1, has %2"),
        .timeInLevelGap: ("%1: %2 จาก %3 เดือน", "%1: %2 of %3 months"),
        .monthsOf: ("%1 จาก %2 เดือน", "%1 of %2 months"),
        .groupOf: ("อย่างน้อย %1 ด้านจาก %2", "at least %1 of %2"),
        .managementExperience: ("การบริหารจัดการ", "Management"),
        .regionalExperience: ("การปฏิบัติงานส่วนภูมิภาค", "Regional service"),
        .diverseExperience: ("3 ต่าง", "Diverse experience (3 ต่าง)"),
        .diverseHave: ("มีแล้ว %1 จาก %2: %3", "%1 of %2: %3"),
        .diverseMissing: ("ขาด: %1", "missing: %1"),
        .courseNotDone: ("ยังไม่ผ่านหลักสูตร", "not completed"),
        .courseExpired: ("หมดอายุเมื่อ %1", "expired on %1"),
        .eligibilityGap: ("สายงาน/ระดับไม่อยู่ในเกณฑ์", "Line or level not eligible"),
        .openTo: ("เปิดรับ", "Open to"),
        .youAre: ("ปัจจุบัน", "You are"),
        .noGaps: ("ไม่มีช่องว่าง: มีคุณสมบัติครบ", "No gaps: eligible"),
        .pickHint: ("Space: เลือกเข้าแผน  Enter: รายละเอียด", "Space: add to plan  Enter: detail"),
        .diffJobLine: ("ต่างสายงาน", "job line"),
        .diffUnit: ("ต่างหน่วยงาน", "unit"),
        .diffLocation: ("ต่างพื้นที่", "location"),
        .diffWorkField: ("ต่างลักษณะงาน", "work field"),
        .months: ("%1 เดือน", "%1 mo"),
        .placeActing: ("รักษาการแทน %1 (%2)", "acting for %1 (%2)"),
        .placeCoach: ("สอนงานโดย %1", "coached by %1"),
        .placeLateral: ("ย้ายไปสายงาน %1", "move to %1"),
        .picked: ("เลือกแล้ว %1 รายการ", "%1 picked"),
        .planTarget: ("เป้าหมาย", "Target"),
        .planStart: ("เริ่ม", "Start"),
        .projectedEligible: ("มีสิทธิ์เร็วสุดตามแผนนี้", "Eligible following this plan"),
        .planSteps: ("ขั้นตอน", "Steps"),
        .planEmpty: ("ยังไม่ได้เลือกข้อเสนอ", "Nothing picked yet"),
        .planHint: ("Space/Enter เลือก  a ใช้แผนแนะนำ  x ล้าง  s บันทึก  e ส่งออก", "Space/Enter pick  a suggested  x clear  s save  e export"),
        .planHintNoExport: ("Space/Enter เลือก  a ใช้แผนแนะนำ  x ล้าง  s บันทึก", "Space/Enter pick  a suggested  x clear  s save"),
        .planGapsCount: ("ช่องว่าง %1 รายการ", "%1 gaps"),
        .stepFrom: ("ตั้งแต่", "from"),
        .stepTo: ("ถึง", "to"),
        .planSavedAt: ("บันทึกแล้ว", "saved"),
        .mdTitle: ("แผนพัฒนารายบุคคล", "Individual development plan"),
        .mdPerson: ("ผู้รับการพัฒนา", "Person"),
        .mdGaps: ("ช่องว่างเมื่อเริ่มแผน", "Gaps at the start"),
        .mdSteps: ("ขั้นตอนการพัฒนา", "Steps"),
        .mdMethod: ("วิธีการ", "Method"),
        .mdWhere: ("ที่", "Where"),
        .mdCloses: ("ปิดช่องว่าง", "Closes"),
        .mdNo: ("ลำดับ", "#"),
        .sectionDictionaries: ("พจนานุกรมสมรรถนะ", "Competency dictionaries"),
        .sectionFrameworks: ("กรอบการสั่งสมประสบการณ์ผู้อำนวยการ", "Director frameworks"),
        .sectionMethods: ("วิธีการพัฒนา", "Development methods"),
        .definition: ("คำจำกัดความ", "Definition"),
        .levelN: ("ระดับ %1", "Level %1"),
        .eligibleLines: ("ผู้มีสิทธิ์สมัคร", "Who may apply"),
        .stages: ("เส้นทางสู่ตำแหน่ง", "The path to the post"),
        .stageLine: ("%1. %2 ระดับ %3 %4 เดือน", "%1. %2 at %3, %4 months"),
        .experienceRequired: ("ประสบการณ์ที่ต้องการ", "Experience required"),
        .managementMonths: ("การบริหารจัดการ %1 เดือน", "Management %1 months"),
        .regionalMonths: ("ส่วนภูมิภาค %1 เดือน", "Regional service %1 months"),
        .diverseRequired: ("ต้องมี 3 ต่าง", "Needs diverse experience (3 ต่าง)"),
        .coursesRequired: ("หลักสูตรที่ต้องผ่าน", "Courses required"),
        .typicalMonths: ("ระยะเวลาโดยทั่วไป %1 เดือน", "Typically %1 months"),
        .gapKinds: ("ใช้ปิดช่องว่างด้าน", "Closes gaps in"),
        .searchKindLine: ("สายงาน", "line"),
        .searchKindPost: ("ตำแหน่ง", "post"),
        .searchKindCompetency: ("สมรรถนะ", "competency"),
        .checkMark: ("✓", "✓"),
        .yes: ("ใช่", "yes"),
        .no: ("ไม่", "no"),
    ]
}

extension Language {
    /// The other language (what `L` switches to).
    var toggled: Language { self == .th ? .en : .th }
}
