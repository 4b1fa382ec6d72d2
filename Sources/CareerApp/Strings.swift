import CareerCatalog

/// The screens' interface text in Thai and English (a `TextTable`; the kiosk, supervisor mode and
/// the command line have their own tables of the same form).
///
/// Usage: `Str.paths.text(.th)` → "เส้นทาง"; `Str.monthsOf.format(.en, "12", "48")` → "12 of 48 months".
public enum Str: String, CaseIterable, TextTable {
    // Screens and panes
    case appTitle, screenPeople, screenMe, screenPaths, screenGaps, screenPlan, screenCatalog, screenHelp
    case screenSupervisor, screenRecord, panePlanOf, withPlanShort, screenReports
    case paneProfile, paneTimeline, paneLines, paneLadder, paneTargets, paneGapList, paneGapDetail
    case paneSuggestions, panePlanSummary, paneCatalogItems, paneCatalogDetail
    // Function-key bar (short)
    case fkHelp, fkLang, fkSearch, fkPeople, fkMe, fkPaths, fkGaps, fkPlan, fkCatalog, fkQuit
    // Function-key bar, shorter still (htop style) when a slot has no room for the short label
    case fkCatalogShort
    // The symbols' legend in help
    case helpSymbols, symCurrent, symTarget, symReached, symOpen, symPointer, symBar, symNeverAssessed, symPicked
    case symSuggestionPicked, symToConfirm, symWithinTwoYears, symNoNextLevel, symRisk, symMarked
    // Messages
    case tooSmall, noPerson, loadingPeople, loadingPerson, noPeople, filterLabel, filterHint
    case filterTyping, helpContextFilter
    case searchTitle, searchLabel, searchHint, searchNoResults, helpTitle, messageTitle, helpContextGlobal
    case loadFailed, planSaving, planSaved, planSaveFailed, planExported, planExportFailed, noTarget, chooseTargetHint
    case exportNoFolder, exportCannotWrite, exportNotAudited
    case pressEnterForGaps, statusReady, languageSwitched, databaseCreated, storeUnavailable, storeAvailable
    // Me
    case name, personID, jobLine, level, unit, inLevelSince, serviceSince, education, supervisor, none
    case yearsMonths, timelineEmpty, legendRegular, legendActing, legendTaskForce
    case meAssessments, meCourses, meEarlierLevels, meNone
    // Paths
    case colTarget, colRoute, colGaps, colEligible, routePromotion, routeLateral, routeDirector, routeDirectorOnPromotion
    case eligibleNow, notByTime, notInReach, myLine, duty, requiredCompetencies, promotionRule, ruleAlternative, noTargets
    // Gaps
    case kindEducation, kindTimeInLevel, kindExperience, kindCompetency, kindTraining, kindEligibility
    case eligibleAlready, ifNothingChanges, withSuggestedPlan, closesBy, notClosedByTime, methodsThatFit, whereToDoIt
    case required, actual, neverAssessed, educationGap, timeInLevelGap, monthsOf, groupOf, managementExperience
    case regionalExperience, diverseExperience, diverseHave, diverseMissing, courseNotDone, courseExpired
    case eligibilityGap, openTo, youAre, noGaps, pickHint
    // Provenance and the why view
    case toConfirm, toConfirmMark, whyTitle, whyHint, whyRule, whySources, whyCounted, whyNothingCounted, whyNoBasis
    case basisPromotionRule, basisPost, basisStandard, basisCourse, basisDiverse, basisCounting, basisRelatedLine
    case basisExpectedCompetency, sourceUnstated, countedAssignment, countedLevelPeriod, ongoing, countedAssessment
    case assessmentCounts, assessmentNotCounted, countedTraining, countedEducation
    case roleRegular, roleRotation, roleActing, roleTaskForce, roleSecondment, assessorSelf, assessorSupervisor, assessorPanel
    // Time-in-level advice and the executive track
    case onlyTimeCloses, withDegreeMetOn, furtherStudy, afterAppointment, obligationWithin, obligationPlain, routeExecutive
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
    case searchKindPerson, searchKindUnit, searchKindMethod, searchKindCourse, searchMorePeople
    case sectionCourses, sectionUnits, courseProvider, courseLevels, coursePrerequisites, courseDevelops
    case unitParent, unitWithin, unitProvince, unitFields
    case checkMark, yes, no
    // The plan cycle (issue 13): saved plans, their status and history, printing
    case planStatusLine, planStatusDraft, planStatusSubmitted, planStatusApproved, planStatusReturned, planStatusInProgress
    case planStatusDone, planStatusSuperseded, planVersion, planSubmitted, planSubmitFailed, planNotSaved, planChangedElsewhere
    case planNews, docStatus, docApprovedOn, docComments, docSignatures, docSignPerson, docSignSupervisor, docDate, docPosition
    case confirmAdopt, confirmClear, confirmHint, noStepToRecord
    case docStarted, docCompleted, docConfirmed, docNoComments, noteSubmit, noteApprove, noteReturn, noteComment, noteProgress, noteConfirm
    // Closing the loop (issue 13): self-assessment, guidance, progress with dates, confirmation, plans, versions, export folder
    case paneSelfAssessment, assessSelfTitle, assessSelfLevel, assessMethods, assessWhere, assessSelfSaved, assessSelfFailed, assessNoTarget
    case progressTitle, progressStarted, progressCompleted, progressHint, progressStep, progressNone, badDate, startRequired
    case confirmStep, noStepToConfirm, stepAwaitsConfirmation, stepConfirmed, plansHeading, plansRow, plansCurrent, confirmNewVersion, noNewVersion
    case exportTitle, exportFolder, exportHint, exportRenamed
    // The title bar's language badge; the timeline's year axis (B.E. in Thai)
    case languageBadge, yearAxis

    /// A switch rather than a dictionary: a case without its texts does not compile, and the
    /// first screen does not pay for building a table (a runtime conformance lookup for
    /// `Str: Hashable` over the whole binary, ~0.1 ms of the start).
    public var pair: (th: String, en: String) {
        switch self {
        case .appTitle: ("CareerPath เส้นทางความก้าวหน้า", "CareerPath")
        case .screenPeople: ("บุคลากร", "People")
        case .screenMe: ("ข้อมูลของฉัน", "Me")
        case .screenPaths: ("เส้นทาง", "Paths")
        case .screenGaps: ("ช่องว่าง", "Gaps")
        case .screenPlan: ("แผนพัฒนา", "Plan")
        case .screenCatalog: ("คู่มือ", "Catalog")
        case .screenSupervisor: ("ผู้ใต้บังคับบัญชา", "Team")
        // The Me tab and the plan pane while someone else's record is open (supervisor mode).
        case .screenRecord: ("ข้อมูลบุคคล", "Record")
        case .screenReports: ("รายงาน", "Reports")
        case .panePlanOf: ("แผนของ %1", "Plan of %1")
        // The plan's date where "with the suggested plan" has no room.
        case .withPlanShort: ("ตามแผน", "By plan")
        case .screenHelp: ("วิธีใช้", "Help")
        case .paneProfile: ("ประวัติ", "Profile")
        case .paneTimeline: ("ลำดับการปฏิบัติงานตามด้าน", "Assignments by work field")
        case .paneLines: ("สายงาน", "Job lines")
        case .paneLadder: ("ระดับในสายงาน", "Ladder")
        case .paneTargets: ("เป้าหมายถัดไป", "Reachable next")
        case .paneGapList: ("ช่องว่าง", "Gaps")
        case .paneGapDetail: ("รายละเอียด", "Detail")
        case .paneSuggestions: ("ข้อเสนอการพัฒนา", "Suggestions")
        case .panePlanSummary: ("แผนของฉัน", "My plan")
        case .paneCatalogItems: ("หัวข้อ", "Entries")
        case .paneCatalogDetail: ("รายละเอียด", "Detail")
        case .fkHelp: ("วิธีใช้", "Help")
        case .fkLang: ("ภาษา", "Lang")
        case .fkSearch: ("ค้นหา", "Search")
        case .fkPeople: ("บุคคล", "People")
        case .fkMe: ("ฉัน", "Me")
        case .fkPaths: ("เส้นทาง", "Paths")
        case .fkGaps: ("ช่องว่าง", "Gaps")
        case .fkPlan: ("แผน", "Plan")
        case .fkCatalog: ("คู่มือ", "Catalog")
        case .fkQuit: ("ออก", "Quit")
        case .fkCatalogShort: ("คู่มือ", "Cat.")
        case .helpSymbols: ("สัญลักษณ์", "Symbols")
        case .symCurrent: ("ระดับปัจจุบันของฉันบนบันได และสายงานของฉันในรายการสายงาน", "Your level on the ladder, and your job line in the list of lines")
        case .symTarget: ("ระดับที่เลือกเป็นเป้าหมาย", "The level chosen as the target")
        case .symReached: ("ระดับที่ดำรงอยู่หรือเคยดำรง", "A level you hold or have held")
        case .symOpen: ("ระดับที่สูงกว่า ยังไม่ถึง", "A level above, not reached yet")
        case .symPointer: ("ระดับที่รายละเอียดข้างบันไดอธิบาย (เคอร์เซอร์ของบันได)", "The level the detail beside the ladder describes (the ladder's cursor)")
        case .symBar: ("แถบสมรรถนะ: ระดับที่ประเมินได้ และ %1 ระดับที่ต้องการ", "Competency bar: the level assessed, and %1 the level required")
        case .symNeverAssessed: ("ยังไม่เคยประเมิน (ผู้บังคับบัญชาหรือคณะกรรมการ)", "Never assessed (by a supervisor or panel)")
        case .symPicked: ("ช่องว่างที่เลือกข้อเสนอเข้าแผนแล้ว", "A gap with a suggestion picked for the plan")
        case .symSuggestionPicked: ("ข้อเสนอที่เลือกเข้าแผน", "A suggestion picked for the plan")
        case .symToConfirm: ("ค่าตั้งต้น รอยืนยัน: ยังไม่มีระเบียบอ้างอิง (w บอกที่มา)", "Default, to confirm: no regulation cited yet (w tells where it comes from)")
        case .symWithinTwoYears: ("ผู้ใต้บังคับบัญชา: พร้อมภายในสองปี", "Team: ready within two years")
        case .symNoNextLevel: ("ผู้ใต้บังคับบัญชา: ไม่มีระดับถัดไปในสายงาน", "Team: no next level on the line")
        case .symRisk: ("ผู้ใต้บังคับบัญชา: ตำแหน่งเสี่ยง ไม่มีผู้พร้อมสืบทอด", "Team: a post at risk, nobody ready to succeed")
        case .symMarked: ("ผู้ใต้บังคับบัญชา: ทำเครื่องหมายไว้เปรียบเทียบ (v)", "Team: marked for comparison (v)")
        case .tooSmall: ("หน้าจอเล็กเกินไป (ต้องการ 80×24 มี %1×%2)", "terminal too small (need 80×24, have %1×%2)")
        case .noPerson: ("ยังไม่ได้เลือกบุคคล: กด 4 หรือ p เพื่อเลือก", "No person chosen: press 4 or p to pick one")
        case .loadingPeople: ("กำลังโหลดรายชื่อ…", "Loading people…")
        case .loadingPerson: ("กำลังโหลดข้อมูล %1…", "Loading %1…")
        case .noPeople: ("ไม่พบรายชื่อ", "Nobody matches")
        case .filterLabel: ("กรอง:", "Filter:")
        case .filterHint: ("/ กรองรายชื่อ  Enter เปิด  ? ปุ่มลัด  q ออก", "/ filters  Enter opens  ? keys  q quits")
        case .filterTyping: ("พิมพ์ชื่อหรือรหัส  Enter เปิด  ↓ ไปที่รายชื่อ  Esc ล้าง", "Type a name or id  Enter opens  ↓ to the list  Esc clears")
        case .helpContextFilter: ("ขณะพิมพ์ในช่องกรอง (หลัง /)", "While typing in the filter (after /)")
        case .searchTitle: ("ค้นหา", "Search")
        case .searchLabel: ("คำค้น:", "Find:")
        case .searchHint: ("บุคคล หน่วยงาน สายงาน ตำแหน่ง สมรรถนะ วิธีพัฒนา หลักสูตร", "People, units, lines, posts, competencies, methods, courses")
        case .searchNoResults: ("ไม่พบผลลัพธ์", "No results")
        case .helpTitle: ("วิธีใช้: ปุ่มลัด", "Help: keys")
        case .messageTitle: ("ข้อความ", "Message")
        case .helpContextGlobal: ("ทุกหน้าจอ", "Everywhere")
        case .loadFailed: ("โหลดข้อมูลไม่สำเร็จ: %1", "Could not load: %1")
        case .planSaving: ("กำลังบันทึกแผนพัฒนา…", "Saving the plan…")
        case .planSaved: ("บันทึกแผนพัฒนาแล้ว", "Plan saved")
        case .planSaveFailed: ("บันทึกแผนไม่สำเร็จ: %1", "Could not save the plan: %1")
        case .planExported: ("ส่งออกแผนไปที่ %1", "Plan exported to %1")
        case .planExportFailed: ("ส่งออกแผนไม่สำเร็จ: %1", "Could not export the plan: %1")
        case .exportNoFolder: ("ไม่มีโฟลเดอร์ %1", "%1: no such folder")
        case .exportCannotWrite: ("เขียนไฟล์ %1 ไม่ได้ (%2)", "%1 cannot be written (%2)")
        case .exportNotAudited: ("บันทึกการส่งออกลงบันทึกการใช้งานไม่ได้ จึงลบไฟล์ %1 แล้ว: %2",
                                 "the export could not be written to the audit log, so %1 was removed: %2")
        case .noTarget: ("ยังไม่ได้เลือกเป้าหมาย", "No target chosen")
        case .chooseTargetHint: ("เลือกเป้าหมายในหน้าเส้นทาง (6 หรือ t) แล้วกด Enter", "Choose a target on Paths (6 or t) and press Enter")
        case .pressEnterForGaps: ("Enter: ดูช่องว่างของเป้าหมายนี้", "Enter: see the gaps for this target")
        case .statusReady: ("พร้อม", "Ready")
        case .languageSwitched: ("ภาษาไทย", "English")
        case .databaseCreated: ("สร้างฐานข้อมูล %1 จากข้อมูลตัวอย่าง (%2 คน)", "Created %1 from the demo roster (%2 people)")
        case .storeUnavailable: ("ติดต่อฐานข้อมูลบุคลากรกลางไม่ได้ กำลังลองใหม่ (ครั้งที่ %1) ข้อมูลบนจอยังอยู่",
                                 "The central personnel database cannot be reached; trying again (attempt %1); what is on screen is kept")
        case .storeAvailable: ("ติดต่อฐานข้อมูลบุคลากรกลางได้แล้ว", "Connected to the central personnel database")
        case .name: ("ชื่อ", "Name")
        case .personID: ("รหัส", "ID")
        case .jobLine: ("สายงาน", "Job line")
        case .level: ("ระดับ", "Level")
        case .unit: ("หน่วยงาน", "Unit")
        case .inLevelSince: ("ดำรงระดับตั้งแต่", "In level since")
        case .serviceSince: ("เริ่มรับราชการ", "In service since")
        case .education: ("วุฒิการศึกษา", "Education")
        case .supervisor: ("ผู้บังคับบัญชา", "Supervisor")
        case .none: ("-", "-")
        case .yearsMonths: ("%1 ปี %2 เดือน", "%1 y %2 m")
        case .timelineEmpty: ("ไม่มีประวัติการปฏิบัติงาน", "No assignments recorded")
        case .legendRegular: ("ปฏิบัติงาน", "regular")
        case .legendActing: ("รักษาการ", "acting")
        case .legendTaskForce: ("คณะทำงาน", "task force")
        case .meAssessments: ("ผลการประเมินสมรรถนะ (%1)", "Competency assessments (%1)")
        case .meCourses: ("การฝึกอบรม (%1)", "Courses (%1)")
        case .meEarlierLevels: ("ระดับที่เคยดำรง (%1)", "Earlier levels (%1)")
        case .meNone: ("ไม่มี", "none")
        case .colTarget: ("เป้าหมาย", "Target")
        case .colRoute: ("ประเภท", "Route")
        case .colGaps: ("ช่องว่าง", "Gaps")
        case .colEligible: ("มีสิทธิ์เร็วสุด", "Earliest")
        case .routePromotion: ("เลื่อนระดับ", "promotion")
        case .routeLateral: ("ย้ายสายงาน", "lateral")
        case .routeDirector: ("ผู้อำนวยการ", "director")
        case .routeDirectorOnPromotion: ("ผอ.หลังเลื่อน", "director*")
        case .eligibleNow: ("มีสิทธิ์แล้ว", "now")
        case .notByTime: ("-", "-")
        case .notInReach: ("ยังไม่มีกำหนด", "not yet in reach")
        case .myLine: ("สายงานของฉัน", "my line")
        case .duty: ("หน้าที่", "Duty")
        case .requiredCompetencies: ("สมรรถนะที่ต้องการ", "Required competencies")
        case .promotionRule: ("คุณสมบัติการเลื่อนระดับ", "Promotion rule")
        case .ruleAlternative: ("ดำรงตำแหน่ง %1 ไม่น้อยกว่า %2 เดือน", "%2 months in %1")
        case .noTargets: ("ไม่มีเป้าหมายถัดไปจากระดับนี้", "No target reachable next from this level")
        case .kindEducation: ("วุฒิการศึกษา", "Education")
        case .kindTimeInLevel: ("ระยะเวลาในระดับ", "Time in level")
        case .kindExperience: ("ประสบการณ์", "Experience")
        case .kindCompetency: ("สมรรถนะ", "Competencies")
        case .kindTraining: ("การฝึกอบรม", "Training")
        case .kindEligibility: ("คุณสมบัติผู้สมัคร", "Eligibility")
        case .eligibleAlready: ("มีคุณสมบัติครบแล้ว", "Eligible now")
        case .ifNothingChanges: ("ถ้าไม่เปลี่ยนแปลง", "If nothing changes")
        case .withSuggestedPlan: ("ตามแผนที่แนะนำ", "With the suggested plan")
        case .closesBy: ("ครบเองเมื่อ %1", "closes by itself on %1")
        case .notClosedByTime: ("ไม่ครบได้ด้วยเวลาอย่างเดียว", "time alone will not close it")
        case .methodsThatFit: ("วิธีการพัฒนาที่เหมาะ", "Methods that fit")
        case .whereToDoIt: ("ที่ไหน (Space เลือกเข้าแผน)", "Where (Space adds to the plan)")
        case .required: ("ต้องการ", "required")
        case .actual: ("มี", "have")
        case .neverAssessed: ("ยังไม่เคยประเมิน", "never assessed")
        case .educationGap: ("ต้องการ %1 มี %2", "needs %1, has %2")
        case .timeInLevelGap: ("%1: %2 จาก %3 เดือน", "%1: %2 of %3 months")
        case .monthsOf: ("%1 จาก %2 เดือน", "%1 of %2 months")
        case .groupOf: ("อย่างน้อย %1 ด้านจาก %2", "at least %1 of %2")
        case .managementExperience: ("การบริหารจัดการ", "Management")
        case .regionalExperience: ("การปฏิบัติงานส่วนภูมิภาค", "Regional service")
        case .diverseExperience: ("3 ต่าง", "Diverse experience (3 differences)")
        case .diverseHave: ("มีแล้ว %1 จาก %2: %3", "%1 of %2: %3")
        case .diverseMissing: ("ขาด: %1", "missing: %1")
        case .courseNotDone: ("ยังไม่ผ่านหลักสูตร", "not completed")
        case .courseExpired: ("หมดอายุเมื่อ %1", "expired on %1")
        case .eligibilityGap: ("สายงาน/ระดับไม่อยู่ในเกณฑ์", "Line or level not eligible")
        case .openTo: ("เปิดรับ", "Open to")
        case .youAre: ("ปัจจุบัน", "You are")
        case .noGaps: ("ไม่มีช่องว่าง: มีคุณสมบัติครบ", "No gaps: eligible")
        case .pickHint: ("Space: เลือกเข้าแผน  Enter: รายละเอียด  w: ทำไม", "Space: add to plan  Enter: detail  w: why")
        case .toConfirm: ("ค่าตั้งต้น รอยืนยัน", "default, to confirm")
        case .toConfirmMark: ("*", "*")
        case .whyTitle: ("ทำไม: %1", "Why: %1")
        case .whyHint: ("Esc ปิด  ↑↓ เลื่อน", "Esc closes  ↑↓ scroll")
        case .whyRule: ("ข้อกำหนด", "The rule")
        case .whySources: ("ที่มาของค่า", "Where the values come from")
        case .whyCounted: ("ประวัติที่นับ", "Records counted")
        case .whyNothingCounted: ("ไม่มีประวัติที่นับได้", "No record of yours counts toward it")
        case .whyNoBasis: ("ยังไม่ได้ระบุที่มา", "No source recorded")
        case .basisPromotionRule: ("หลักเกณฑ์การเลื่อนเป็น %1", "Promotion rule to %1")
        case .basisPost: ("กรอบของตำแหน่ง %1", "Framework of %1")
        case .basisStandard: ("มาตรฐานกำหนดตำแหน่ง %1", "Position standard: %1")
        case .basisCourse: ("หลักสูตร %1", "Course: %1")
        case .basisDiverse: ("เกณฑ์ 3 ต่าง", "The diverse-experience rule (3 differences)")
        case .basisCounting: ("การนับประสบการณ์ (น้ำหนักตามบทบาท 30.4375 วันต่อเดือน)", "Counting experience (role weights, 30.4375 days a month)")
        case .basisRelatedLine: ("เวลาในสายงาน %1 นับเป็นประสบการณ์ใน %2 ร้อยละ %3", "Time in %1 counts toward %2 at %3%")
        case .basisExpectedCompetency: ("ระดับสมรรถนะที่คาดหวังของ %1", "Expected competency level at %1")
        case .sourceUnstated: ("ไม่ระบุ", "not stated")
        case .countedAssignment: ("%1 (%2) %3 – %4: %5 วัน × %6 = นับ %7 วัน", "%1 (%2) %3 – %4: %5 days × %6 = %7 days counted")
        case .countedLevelPeriod: ("%1 ระดับ %2 %3 – %4: %5 เดือน", "%1 at %2 %3 – %4: %5 months")
        case .ongoing: ("ปัจจุบัน", "ongoing")
        case .countedAssessment: ("%1 ระดับ %2 ประเมินเมื่อ %3 โดย%4", "%1 level %2, assessed on %3 by the %4")
        case .assessmentCounts: ("นับ", "counts")
        case .assessmentNotCounted: ("ไม่นับ", "not counted")
        case .countedTraining: ("%1 ผ่านเมื่อ %2", "%1 completed on %2")
        case .countedEducation: ("วุฒิการศึกษา: %1", "Education: %1")
        case .roleRegular: ("ปฏิบัติงานปกติ", "regular")
        case .roleRotation: ("หมุนเวียนงาน", "rotation")
        case .roleActing: ("รักษาการ", "acting")
        case .roleTaskForce: ("คณะทำงาน", "task force")
        case .roleSecondment: ("ส่งไปปฏิบัติงาน", "secondment")
        case .assessorSelf: ("ตนเอง", "self")
        case .assessorSupervisor: ("ผู้บังคับบัญชา", "supervisor")
        case .assessorPanel: ("คณะกรรมการ", "panel")
        case .onlyTimeCloses: ("ปิดได้ด้วยเวลาเท่านั้น", "only time closes it")
        case .withDegreeMetOn: ("ถ้ามีวุฒิ%1 ครบเมื่อ %2", "with a %1: met on %2")
        case .furtherStudy: ("ทางที่เร็วกว่า: ศึกษาต่อ (%1)", "the sooner way: further study (%1)")
        case .afterAppointment: ("ภาระหลังได้รับแต่งตั้ง (ไม่ใช่ช่องว่าง)", "After appointment (obligations, not gaps)")
        case .obligationWithin: ("%1 ภายใน %2 เดือนหลังได้รับแต่งตั้ง", "%1 within %2 months of appointment")
        case .obligationPlain: ("%1 หลังได้รับแต่งตั้ง", "%1 after appointment")
        case .routeExecutive: ("ผู้บริหาร", "executive")
        case .diffJobLine: ("ต่างสายงาน", "job line")
        case .diffUnit: ("ต่างหน่วยงาน", "unit")
        case .diffLocation: ("ต่างพื้นที่", "location")
        case .diffWorkField: ("ต่างลักษณะงาน", "work field")
        case .months: ("%1 เดือน", "%1 mo")
        case .placeActing: ("รักษาการแทน %1 (%2)", "acting for %1 (%2)")
        case .placeCoach: ("สอนงานโดย %1", "coached by %1")
        case .placeLateral: ("ย้ายไปสายงาน %1", "move to %1")
        case .picked: ("เลือกแล้ว %1 รายการ", "%1 picked")
        case .planTarget: ("เป้าหมาย", "Target")
        case .planStart: ("เริ่ม", "Start")
        case .projectedEligible: ("มีสิทธิ์เร็วสุดตามแผนนี้", "Eligible following this plan")
        case .planSteps: ("ขั้นตอน", "Steps")
        case .planEmpty: ("ยังไม่ได้เลือกข้อเสนอ", "Nothing picked yet")
        case .planHint: ("Space/Enter เลือก  a ใช้แผนแนะนำ  x ล้าง  s บันทึก  e ส่งออก", "Space/Enter pick  a suggested  x clear  s save  e export")
        case .planHintNoExport: ("Space/Enter เลือก  a ใช้แผนแนะนำ  x ล้าง  s บันทึก", "Space/Enter pick  a suggested  x clear  s save")
        case .planGapsCount: ("ช่องว่าง %1 รายการ", "%1 gaps")
        case .stepFrom: ("ตั้งแต่", "from")
        case .stepTo: ("ถึง", "to")
        case .planSavedAt: ("บันทึกแล้ว", "saved")
        case .mdTitle: ("แผนพัฒนารายบุคคล", "Individual development plan")
        case .mdPerson: ("ผู้รับการพัฒนา", "Person")
        case .mdGaps: ("ช่องว่างเมื่อเริ่มแผน", "Gaps at the start")
        case .mdSteps: ("ขั้นตอนการพัฒนา", "Steps")
        case .mdMethod: ("วิธีการ", "Method")
        case .mdWhere: ("ที่", "Where")
        case .mdCloses: ("ปิดช่องว่าง", "Closes")
        case .mdNo: ("ลำดับ", "#")
        case .sectionDictionaries: ("พจนานุกรมสมรรถนะ", "Competency dictionaries")
        case .sectionFrameworks: ("กรอบการสั่งสมประสบการณ์ผู้อำนวยการ", "Director frameworks")
        case .sectionMethods: ("วิธีการพัฒนา", "Development methods")
        case .definition: ("คำจำกัดความ", "Definition")
        case .levelN: ("ระดับ %1", "Level %1")
        case .eligibleLines: ("ผู้มีสิทธิ์สมัคร", "Who may apply")
        case .stages: ("เส้นทางสู่ตำแหน่ง", "The path to the post")
        case .stageLine: ("%1. %2 ระดับ %3 %4 เดือน", "%1. %2 at %3, %4 months")
        case .experienceRequired: ("ประสบการณ์ที่ต้องการ", "Experience required")
        case .managementMonths: ("การบริหารจัดการ %1 เดือน", "Management %1 months")
        case .regionalMonths: ("ส่วนภูมิภาค %1 เดือน", "Regional service %1 months")
        case .diverseRequired: ("ต้องมี 3 ต่าง", "Needs diverse experience (3 differences)")
        case .coursesRequired: ("หลักสูตรที่ต้องผ่าน", "Courses required")
        case .typicalMonths: ("ระยะเวลาโดยทั่วไป %1 เดือน", "Typically %1 months")
        case .gapKinds: ("ใช้ปิดช่องว่างด้าน", "Closes gaps in")
        case .searchKindLine: ("สายงาน", "line")
        case .searchKindPost: ("ตำแหน่ง", "post")
        case .searchKindCompetency: ("สมรรถนะ", "competency")
        case .searchKindPerson: ("บุคคล", "person")
        case .searchKindUnit: ("หน่วยงาน", "unit")
        case .searchKindMethod: ("วิธีพัฒนา", "method")
        case .searchKindCourse: ("หลักสูตร", "course")
        case .searchMorePeople: ("และอีก %1 คน: พิมพ์เพิ่มเพื่อจำกัด", "and %1 more people: type more to narrow")
        case .sectionCourses: ("หลักสูตร", "Courses")
        case .sectionUnits: ("หน่วยงาน", "Units")
        case .courseProvider: ("ผู้จัด", "Provided by")
        case .courseLevels: ("ระดับที่สมัครได้", "Open to levels")
        case .coursePrerequisites: ("ต้องผ่านก่อน", "Prerequisites")
        case .courseDevelops: ("พัฒนาสมรรถนะ", "Develops")
        case .unitParent: ("สังกัด", "Part of")
        case .unitWithin: ("หน่วยงานในสังกัด", "Units within")
        case .unitProvince: ("จังหวัด", "Province")
        case .unitFields: ("ด้านงาน", "Work fields")
        case .checkMark: ("✓", "✓")
        case .yes: ("ใช่", "yes")
        case .no: ("ไม่", "no")
        case .planStatusLine: ("แผนที่บันทึก: %1 · ฉบับที่ %2", "Saved plan: %1 · version %2")
        case .planStatusDraft: ("ร่าง", "draft")
        case .planStatusSubmitted: ("ส่งพิจารณาแล้ว", "submitted")
        case .planStatusApproved: ("อนุมัติแล้ว", "approved")
        case .planStatusReturned: ("ส่งคืนให้แก้ไข", "returned")
        case .planStatusInProgress: ("กำลังดำเนินการ", "in progress")
        case .planStatusDone: ("เสร็จสิ้น", "done")
        case .planStatusSuperseded: ("ถูกแทนด้วยฉบับใหม่", "superseded")
        case .planVersion: ("ฉบับที่ %1", "version %1")
        case .planSubmitted: ("ส่งแผนให้ผู้บังคับบัญชาพิจารณาแล้ว", "Plan submitted to your supervisor")
        case .planSubmitFailed: ("ส่งแผนไม่ได้: %1", "Cannot submit the plan: %1")
        case .planNotSaved: ("ยังไม่ได้บันทึกแผน: กด s บันทึกก่อน", "The plan is not saved: press s first")
        case .planChangedElsewhere: ("แผนนี้ถูกแก้ไขจากที่อื่น — โหลดใหม่แล้ว ตรวจสอบแล้วบันทึกอีกครั้ง", "This plan was changed elsewhere — reloaded: check it and save again")
        case .planNews: ("แผนพัฒนาของคุณมีความเคลื่อนไหว %1 รายการ: %2", "%1 updates on your plans: %2")
        case .docStatus: ("สถานะ", "Status")
        case .docApprovedOn: ("อนุมัติเมื่อ", "Approved on")
        case .docComments: ("ความเห็นและการพิจารณา", "Comments and decisions")
        case .docSignatures: ("ลงนาม", "Signatures")
        case .docSignPerson: ("ผู้รับการพัฒนา", "Employee")
        case .docSignSupervisor: ("ผู้บังคับบัญชา", "Supervisor")
        case .docDate: ("วันที่", "Date")
        case .docPosition: ("ตำแหน่ง", "Position")
        case .confirmAdopt: ("แทนรายการที่เลือกไว้ด้วยแผนที่แนะนำ?", "Replace your picks with the suggested plan?")
        case .confirmClear: ("ล้างรายการที่เลือกทั้งหมด?", "Clear all the picks?")
        case .confirmHint: ("(y ใช่ / n ไม่)", "(y yes / n no)")
        case .noStepToRecord: ("ไม่มีขั้นตอนให้บันทึก: แผนต้องได้รับอนุมัติก่อน", "No step to record: the plan must be approved first")
        case .docStarted: ("เริ่มจริง", "Started")
        case .docCompleted: ("เสร็จจริง", "Completed")
        case .docConfirmed: ("ยืนยันโดย", "Confirmed by")
        case .docNoComments: ("ยังไม่มีความเห็น", "No comments yet")
        case .noteSubmit: ("ส่งพิจารณา", "submitted")
        case .noteApprove: ("อนุมัติ", "approved")
        case .noteReturn: ("ส่งคืน", "returned")
        case .noteComment: ("ความเห็น", "comment")
        case .noteProgress: ("ความก้าวหน้า", "progress")
        case .noteConfirm: ("ยืนยันผล", "confirmed")
        case .paneSelfAssessment: ("ประเมินตนเอง", "Self-assessment")
        case .assessSelfTitle: ("ประเมินตนเอง ณ %1 (แสดงคู่กับผลที่นับ ไม่นำมานับ)", "Self-assessment on %1 (shown beside the counted level, never counted)")
        case .assessSelfLevel: ("ประเมินตนเอง %1 (ไม่นับ)", "self %1 (not counted)")
        case .assessMethods: ("วิธีพัฒนาที่เหมาะ:", "Methods that fit:")
        case .assessWhere: ("ที่ไหน:", "Where:")
        case .assessSelfSaved: ("บันทึกผลประเมินตนเอง %1 ระดับ %2 แล้ว (ไม่นับ)", "Self-assessment recorded: %1 at level %2 (not counted)")
        case .assessSelfFailed: ("บันทึกผลประเมินตนเองไม่สำเร็จ: %1", "Could not record the self-assessment: %1")
        case .assessNoTarget: ("ไม่มีสมรรถนะให้ประเมิน: เลือกเป้าหมายก่อน (t)", "No competencies to assess: choose a target first (t)")
        case .progressTitle: ("บันทึกความก้าวหน้าของขั้นตอน", "Record a step's progress")
        case .progressStarted: ("วันที่เริ่ม:", "Started on:")
        case .progressCompleted: ("วันที่เสร็จ:", "Completed on:")
        case .progressHint: ("↑↓ ขั้นตอน  Tab ช่องถัดไป  Enter บันทึก  Esc ยกเลิก  (วว/ดด/ปปปป พ.ศ.)",
                             "↑↓ step  Tab field  Enter save  Esc cancel  (YYYY-MM-DD, D/M/YYYY B.E.)")
        case .progressStep: ("ขั้นตอนที่ %1 · %2 · เริ่ม %3 · เสร็จ %4", "Step %1 · %2 · started %3 · completed %4")
        case .progressNone: ("ไม่มีขั้นตอนให้บันทึก: ทุกขั้นตอนยืนยันแล้ว", "No step to record: every step is confirmed")
        case .badDate: ("วันที่ไม่ถูกต้อง “%1”: พิมพ์ วว/ดด/ปปปป เป็น พ.ศ. เช่น %2", "Not a date “%1”: type YYYY-MM-DD, or DD/MM/YYYY in the Buddhist era, e.g. %2")
        case .startRequired: ("ระบุวันที่เริ่มก่อน", "Type the start date first")
        case .confirmStep: ("ยืนยันขั้นตอนที่ %1 (%2) เสร็จ %3 และบันทึกเข้าประวัติของ %4?", "Confirm step %1 (%2), completed %3, into %4's record?")
        case .noStepToConfirm: ("ไม่มีขั้นตอนที่เสร็จแล้วรอการยืนยัน", "No completed step waits for confirmation")
        case .stepAwaitsConfirmation: ("ขั้นตอนที่ %1 (%2) เสร็จแล้ว %3: รอยืนยัน (f)", "Step %1 (%2) completed %3: awaits confirmation (f)")
        case .stepConfirmed: ("ยืนยันขั้นตอนที่ %1 แล้ว: บันทึกเข้าประวัติ", "Step %1 confirmed: added to the record")
        case .plansHeading: ("แผนทั้งหมด (%1)", "All plans (%1)")
        case .plansRow: ("%1 · %2 · ฉบับที่ %3", "%1 · %2 · version %3")
        case .plansCurrent: ("◂ เป้าหมายนี้", "◂ this target")
        case .confirmNewVersion: ("เริ่มแผนฉบับที่ %1 จากรายการที่เลือก? ฉบับที่ %2 ยังเก็บไว้", "Start version %1 from your picks? Version %2 is kept")
        case .noNewVersion: ("เริ่มฉบับใหม่ได้เมื่อแผนอนุมัติแล้วเท่านั้น (s บันทึกร่างหรือแผนที่ถูกส่งคืน)",
                             "A new version starts from an approved plan only (s saves a draft or returned plan)")
        case .exportTitle: ("ส่งออกแผน (Markdown และ HTML พร้อมพิมพ์)", "Export the plan (Markdown and printable HTML)")
        case .exportFolder: ("โฟลเดอร์:", "Folder:")
        case .exportHint: ("Enter ส่งออก (ไม่เขียนทับ: ชื่อซ้ำจะได้ชื่อใหม่) · Esc ยกเลิก", "Enter export (never overwrites: a taken name gets a new one) · Esc cancel")
        case .exportRenamed: ("มีไฟล์ %1 อยู่แล้ว (ไม่เขียนทับ): บันทึกเป็น %2", "%1 exists (not overwritten): saved as %2")
        case .languageBadge: ("ไทย", "EN")
        case .yearAxis: ("พ.ศ.", "Year")
        }
    }
}

extension Language {
    /// The other language (what `L` switches to).
    var toggled: Language { self == .th ? .en : .th }
}
