'use server';

import { defineAction } from '@/lib/action';
import { checkEnrolChunk, enrolOneTrainee, importEnrolCsv } from './handlers';
import {
  checkEnrolChunkSchema,
  enrolTraineeSchema,
  importEnrolCsvSchema,
  type CheckEnrolChunkInput,
  type EnrolTraineeInput,
  type ImportEnrolCsvInput,
} from './schema';

const enrol = defineAction(enrolTraineeSchema, enrolOneTrainee);
const checkChunk = defineAction(checkEnrolChunkSchema, checkEnrolChunk);
const importCsv = defineAction(importEnrolCsvSchema, importEnrolCsv);

export async function enrolTraineeAction(input: EnrolTraineeInput) {
  return enrol(input);
}

export async function checkEnrolChunkAction(input: CheckEnrolChunkInput) {
  return checkChunk(input);
}

export async function importEnrolCsvAction(input: ImportEnrolCsvInput) {
  return importCsv(input);
}
