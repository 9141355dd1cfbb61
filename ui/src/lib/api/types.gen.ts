// Generated from the Rust DTOs by src-tauri/src/bindings.rs. Do not edit by hand:
// run `KINDRED_WRITE_BINDINGS=1 cargo test bindings` after changing a DTO.

export type ErrorCode = "validation" | "not_found" | "conflict" | "internal";

export type ApiError = { code: ErrorCode, message: string, 
/**
 * The input the message is about, for validation errors.
 */
field?: string, };

export type AppInfo = { version: string, 
/**
 * The folder that holds the database, shown in Settings so people know
 * where their data lives.
 */
dataDir: string | null, schemaVersion: number, };

export type TieKind = "person" | "group";

export type Circle = "inner" | "middle" | "outer";

export type Sector = "family" | "friends" | "work_study" | "community_online" | "care";

export type SupportType = "emotional" | "practical" | "encouragement" | "inspiration" | "belonging" | "professional";

export type TieScope = "active" | "archived" | "all";

export type Tie = { id: number, kind: TieKind, name: string, circle: Circle | null, sector: Sector | null, supportTypes: Array<SupportType>, createdAt: string, updatedAt: string, 
/**
 * Set when the tie was moved to the archive; archived ties leave the
 * map and every reminder but keep their history.
 */
archivedAt: string | null, };
