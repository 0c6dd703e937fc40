import { writeFile } from 'node:fs/promises';
import { AppError } from '../errors/app-error.ts';

/**
 * Writes streamed CSV chunks to `file`. Only a file-system failure names FILE (400-like refusal,
 * exit 1); a database failure while the chunks are read stays what it is.
 */
export async function writeCsvFile(file: string, chunks: AsyncIterable<string>): Promise<void> {
  try {
    await writeFile(file, chunks);
  } catch (error) {
    const fileError = error as NodeJS.ErrnoException;
    if (fileError.syscall === undefined) throw error;
    throw AppError.validation([{ path: 'FILE', message: `cannot write ${file} (${fileError.code ?? fileError.message})` }]);
  }
}
