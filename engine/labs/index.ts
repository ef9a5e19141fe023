// Offline labs (issue "Offline labs"): the pack format, its loader, the checks, grading, the
// learner's session and the built-in packs. Doors and the Labs pane use this module only.
export {
  LAB_PACK_FORMAT_VERSION,
  LabPackFile,
  LabLevel,
  LabTask,
  LabHint,
  WorldPatchForm,
  labPackJsonSchema,
  summarizeLab,
  maxScore,
  type LabPack,
  type LabSummary,
} from './pack';
export { loadLabPack, parseLabPackJson, formatPackIssues, resolveStartingWorld, type LabPackIssue, type LabPackLoad } from './pack-loader';
export { Check, CHECK_TYPES, describeCheck, evaluateCheck, type LabEvidence, type CheckOutcome } from './predicates';
export { CheckResult, TaskResult, LabCheckResult } from './results';
export { checkLab, gradeEvidence, evidenceFrom, labEngine, labWorld, runLab, type GradeOptions, type LabRun } from './grader';
export {
  LabProgress,
  LAB_PROGRESS_VERSION,
  startLab,
  takeHint,
  hintList,
  recordCheck,
  checkSession,
  timeLeftMs,
  serializeProgress,
  parseProgress,
  type LabStart,
  type HintView,
  type HintOutcome,
} from './session';
export { builtinLabs, builtinLabIds, builtinLabSummaries, builtinLabProblems, findBuiltinLab } from './builtin';
export { applyWorldPatch, baseWorldInput, WORLD_BASES, type WorldBase } from './world-patch';
export {
  LAB_RESULT_FORMAT,
  LAB_RESULT_VERSION,
  LabResultFile,
  TranscriptEntry,
  StoredGrade,
  labPackHash,
  storedGrade,
  parseLabResult,
  regradeResult,
  resultPackProblem,
  type ResultParse,
  type Regrade,
} from './learner-result';
export { gradeClass, type Gradebook, type GradebookRow, type GradebookInput, type TaskPassRate } from './gradebook';
