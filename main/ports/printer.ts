export type PrinterInfo = {
  name: string;
  description: string;
  isDefault: boolean;
  /** Media the printer reports, e.g. "Custom.54x101mm", "A4", "w288h432". */
  media: string[];
};
export type PrintRequest = {
  printer: string;
  pdf: Uint8Array;
  title: string;
  /** Page size in millimetres; the job asks for exactly this media at 100 % (no scaling). */
  pageSizeMm: { width: number; height: number };
  copies?: number;
};
export type PrintResult = { jobId: string };
/** Where a job sent to the OS is now. 'completed' also covers jobs the OS dropped (CUPS lists them alike). */
export type PrintJobState = 'pending' | 'processing' | 'completed' | 'unknown';
/** Printing from the main process: CUPS/IPP on Linux and macOS, the spooler on Windows. */
export interface PrinterPort {
  list(): Promise<PrinterInfo[]>;
  print(req: PrintRequest): Promise<PrintResult>;
  /** Optional: the state of a job this port printed (the print log shows it). */
  jobState?(printer: string, jobId: string): Promise<PrintJobState>;
}
