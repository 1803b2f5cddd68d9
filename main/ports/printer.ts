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
/** Printing from the main process: CUPS/IPP on Linux and macOS, the spooler on Windows. */
export interface PrinterPort {
  list(): Promise<PrinterInfo[]>;
  print(req: PrintRequest): Promise<PrintResult>;
}
