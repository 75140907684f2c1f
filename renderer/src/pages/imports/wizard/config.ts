import type { ComponentType, ReactNode } from 'react';
import type { MethodName, RequestOf, ResponseOf } from '@shared/contract';
import type { EncodingChoice, StagedPreview, TEXT_ENCODING_CHOICES } from '@shared/contract/staging';
import type { Issue } from '../PreviewParts';

/**
 * One import as the wizard runs it: what to ask for, how to preview and commit through the core,
 * and which parts its preview and its last step show. The wizard does the rest the same way for
 * every import (the steps, the drop zone, reading the file with progress, the staged file named
 * instead of sent again, the error panel, Enter and Esc).
 */
/** What every preview the wizard shows has: the staged file's ids and the file's name. */
export type WizardPreview = StagedPreview & { fileName: string };

export interface ImportConfig<P extends WizardPreview, R, O> {
  /** The import's name in the source picker, ids and the history. */
  key: string;
  label: string;
  /** The method that writes the import: a person whose roles may not call it cannot choose a file. */
  commitMethod: MethodName;
  /** The file step: its heading, the drop zone's words, and the largest file the core takes. */
  file: { title: string; drop: DropWords; maxBytes: number };
  /** A second, optional file read with the first (GIAS's links file), staged by the preview too. */
  companion?: Companion<P>;
  /** The options before any file is chosen. */
  initialOptions(years: ImportYears): O;
  /** The options for a newly chosen file: what the person set stays, what belonged to the last file goes. */
  forNewFile(options: O): O;
  /** False while the file step lacks something the preview needs (a year). */
  canChoose?(options: O): boolean;
  /** Asks on the file step (a year, a checkbox). */
  FileOptions?: ComponentType<OptionProps<O>>;
  /** What the progress line says while the core reads and checks the file. */
  checking: string;
  preview(run: Run, sources: Sources, options: O): Promise<P | undefined>;
  commit(run: Run, preview: P, options: O): Promise<R | undefined>;
  /** A step between the file and the preview (the roll's columns). */
  mapping?: { label: string; Step: ComponentType<MappingProps<P, O>> };
  view: PreviewView<P, O>;
  done: {
    message(result: R): string;
    backupFile(result: R): string | null;
    /** The import batch written (null: nothing needed changing), which the last step offers to undo. */
    batchId(result: R): number | null;
    /** The year the import was for, named in the undo question. */
    year?(result: R): string | null;
    Extra?: ComponentType<{ result: R }>;
  };
  /** The encoding question, where the core asks it in the preview (a CSV whose bytes do not tell): one per file the import reads. */
  encodings?: EncodingAsk<P, O>[];
}

/** One file's encoding question: which file, what the preview asks, and the option that answers it. */
export interface EncodingAsk<P, O> {
  /** The file asked about, as the preview names it (null: the import has no such file this time). */
  fileName(preview: P): string | null;
  choice(preview: P): EncodingChoice | null;
  chosen(options: O): TextEncoding | undefined;
  set(encoding: TextEncoding | undefined): Partial<O>;
}

export type TextEncoding = (typeof TEXT_ENCODING_CHOICES)[number];

export interface DropWords {
  title: string;
  hint: string;
  inputLabel: string;
  accept: string;
}

export interface Companion<P> {
  /** What the optional file is, in a few words ("GIAS's links file"). */
  name: string;
  drop: DropWords;
  maxBytes: number;
  /** The companion file a preview staged, if any. */
  staged(preview: P): { stagingId: string; fileName: string } | null;
}

export interface PreviewView<P, O> {
  title(preview: P): string;
  subtitle(preview: P): ReactNode;
  kpis(preview: P): [string, number][];
  /** The problems that stop the import (sheet, row, column), and how many there are in all. */
  problems(preview: P): { rows: Issue[]; count: number };
  /** What to do about the problems ("Fix the rows listed below and choose the file again."). */
  fixHint: string;
  /** Set when the file would change nothing: the words of the notice that says so. */
  nothingToImport(preview: P, options: O): string | null;
  commitLabel(preview: P): string;
  /** Whether the commit may go ahead (no problems, anything asked answered). */
  canCommit(preview: P, options: O): boolean;
  /** The back button's words when the step before the preview is another than the file's. */
  backLabel?: string;
  /** What the core asks about this file (an encoding, a date order, warnings to confirm). */
  Questions?: ComponentType<PreviewProps<P, O>>;
  /** Further buttons and options beside the commit button. */
  Actions?: ComponentType<PreviewProps<P, O>>;
  /** The sections below the summary: what would change. */
  Tables: ComponentType<PreviewProps<P, O>>;
}

/** The years an import can be for: those held, the current one, and the roll's next year. */
export interface ImportYears {
  held: string[];
  /** The year the screens show, else the year today falls in. */
  current: string;
  /** Years a roll can be imported into: the held ones and the year after the latest. */
  forRoll: string[];
  /** Whether the year is held (a roll into a year not held creates it). */
  isHeld(year: string): boolean;
}

/** A call to the core with a progress label; resolves to undefined when refused (the wizard shows why). */
export type Run = <M extends MethodName>(label: string, method: M, request: RequestOf<M>) => Promise<ResponseOf<M> | undefined>;

/** A file for a preview: sent the first time, named by its staging id after. */
export type FileRef = { fileName: string; contentBase64: string } | { stagingId: string };

export interface Sources {
  file: FileRef;
  companion: FileRef | null;
}

export interface OptionProps<O> {
  options: O;
  years: ImportYears;
  busy: boolean;
  /** Sets options without asking the core again (what only the commit carries). */
  setOptions(patch: Partial<O>): void;
}

export interface PreviewProps<P, O> extends OptionProps<O> {
  preview: P;
  run: Run;
  /** Sets options and previews the staged file again with them: nothing is sent again. */
  replan(patch: Partial<O>): void;
}

export interface MappingProps<P, O> extends PreviewProps<P, O> {
  /** Goes on to the preview, after previewing again with the options given (if any). */
  onContinue(patch?: Partial<O>): void;
  onBack(): void;
}
