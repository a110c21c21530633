import { benchProgramme } from "./programme";
benchProgramme(Number(process.env.R ?? 200)).then((l) => console.log(l)).catch((e) => { console.error(e); process.exit(1); });
