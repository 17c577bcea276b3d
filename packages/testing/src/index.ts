// The HTTP client only: importing it must not load smtp-server, which lives at "@gatehouse/testing/smtp".
export { clearEmailsOverHttp, listEmailsOverHttp, waitForEmailOverHttp, type WaitForEmailOverHttpOptions } from "./http-client";
export { extractLinks, matchesFilter, type CapturedEmail, type EmailFilter } from "./captured-email";
